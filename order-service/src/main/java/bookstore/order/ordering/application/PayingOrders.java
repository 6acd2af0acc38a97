package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The customer's side of a payment they complete with the provider: while an order awaits payment,
 * they may ask for a fresh way to pay (a new QR code when the one shown has expired or will not
 * scan). Payment asks the provider again; the new action reaches the order as its answer.
 */
@Service
public class PayingOrders {

    private final Orders orders;
    private final OrderChanges changes;

    PayingOrders(Orders orders, OrderChanges changes) {
        this.orders = orders;
        this.changes = changes;
    }

    public Mono<Order> renewPaymentAction(Caller caller, String orderId) {
        return Accessible.ownOrder(orders, caller, orderId, "asks for a fresh way to pay")
                .flatMap(order -> changes.change(order.id(), (locked, now) -> locked.renewPaymentAction()));
    }
}
