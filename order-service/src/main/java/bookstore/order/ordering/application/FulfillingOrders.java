package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.order.ordering.domain.Shipment;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The warehouse's and the carrier's side: a confirmed order is shipped, a shipped one moves on as the
 * carrier reports it, or an admin marks it delivered.
 */
@Service
public class FulfillingOrders {

    private final OrderChanges changes;

    FulfillingOrders(OrderChanges changes) {
        this.changes = changes;
    }

    public Mono<Order> ship(String orderId, Shipment shipment) {
        return changes.changeExisting(orderId, (order, now) -> order.ship(shipment, now));
    }

    public Mono<Order> deliver(String orderId) {
        return changes.changeExisting(orderId, (order, now) -> order.deliver(now));
    }

    /**
     * The carrier reported the order's parcel on its way or delivered; tracking only moves an order
     * forward, so a late report changes nothing. Empty if there is no such order.
     */
    public Mono<Order> carrierReported(OrderId id, boolean delivered) {
        return changes.change(id, (order, now) -> {
            if (delivered) {
                order.carrierReportedDelivered(now);
            } else {
                order.carrierReportedInTransit(now);
            }
        });
    }
}
