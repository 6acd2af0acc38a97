package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A customer (or an admin for them) cancels an order that has not shipped; the saga compensates. */
@Service
public class CancellingOrder {

    private final Orders orders;
    private final OrderChanges changes;

    CancellingOrder(Orders orders, OrderChanges changes) {
        this.orders = orders;
        this.changes = changes;
    }

    public Mono<Order> cancel(Caller caller, String orderId) {
        return Accessible.order(orders, caller, orderId)
                .flatMap(order -> changes.change(order.id(), (locked, now) -> locked.cancel(now)));
    }
}
