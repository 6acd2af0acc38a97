package bookstore.order.shipping.application;

import bookstore.order.ordering.application.FulfillingOrders;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.Shipment;
import bookstore.order.shipping.application.Shipments.DueSubscription;
import bookstore.order.shipping.domain.TrackedShipment;
import bookstore.platform.work.HandedOver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Ships an order: the SHIPPED order, its OrderShipped event and its carrier subscription commit
 * together; the carrier is called afterwards, by the subscription worker, never inside the
 * transaction.
 */
@Service
public class ShippingOrders {

    private final FulfillingOrders fulfilling;
    private final Shipments shipments;
    private final Carrier carrier;
    private final HandedOver<DueSubscription> handedOver;
    private final TransactionalOperator transactions;
    private final ShippingProperties settings;
    private final Clock clock;

    ShippingOrders(
            FulfillingOrders fulfilling,
            Shipments shipments,
            Carrier carrier,
            HandedOver<DueSubscription> handedOver,
            TransactionalOperator transactions,
            ShippingProperties settings,
            Clock clock) {
        this.fulfilling = fulfilling;
        this.shipments = shipments;
        this.carrier = carrier;
        this.handedOver = handedOver;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Order> ship(String orderId, Shipment shipment) {
        return transactions.transactional(fulfilling.ship(orderId, shipment).flatMap(order -> {
            Instant now = clock.instant();
            var tracked = new TrackedShipment(
                    order.id().toString(),
                    shipment.carrier(),
                    shipment.trackingNumber(),
                    order.shippingAddress().city());
            return shipments
                    .add(
                            tracked,
                            carrier.name(),
                            now,
                            now.plus(settings.callTimeout().multipliedBy(2)))
                    .then(handedOver.afterCommit(List.of(new DueSubscription(tracked, 0))))
                    .thenReturn(order);
        }));
    }
}
