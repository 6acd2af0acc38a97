package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import reactor.core.publisher.Mono;

/** Finds an order for a caller, or fails as not found when there is none they may see. */
final class Accessible {

    private Accessible() {}

    static Mono<Order> order(Orders orders, Caller caller, String orderId) {
        OrderId id = OrderId.parseOrNull(orderId);
        if (id == null) {
            return Mono.error(new OrderNotFoundException(orderId));
        }
        return orders.find(id)
                .filter(caller::mayAccess)
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)));
    }
}
