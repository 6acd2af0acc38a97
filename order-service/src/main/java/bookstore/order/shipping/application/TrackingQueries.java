package bookstore.order.shipping.application;

import bookstore.order.ordering.application.Caller;
import bookstore.order.ordering.application.FindingOrders;
import bookstore.order.ordering.domain.Order;
import bookstore.order.shipping.domain.TrackingEvent;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** An order's tracking timeline, for whoever may see the order (its customer, admins). */
@Service
public class TrackingQueries {

    private final FindingOrders finding;
    private final Shipments shipments;

    TrackingQueries(FindingOrders finding, Shipments shipments) {
        this.finding = finding;
        this.shipments = shipments;
    }

    /** Fails as not found, as the order itself does, for a caller who may not see the order. */
    public Mono<Tracking> tracking(Caller caller, String orderId) {
        return finding.find(caller, orderId)
                .flatMap(order -> shipments.timeline(order.id().toString()).map(events -> new Tracking(order, events)));
    }

    /** @param events newest first */
    public record Tracking(Order order, List<TrackingEvent> events) {}
}
