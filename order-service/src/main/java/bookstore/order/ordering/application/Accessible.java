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

    /**
     * The caller's own order: someone else's is not found, as everywhere; an admin, who may see it, is
     * refused, since what follows is the customer's word ({@code what} says what, for the problem).
     */
    static Mono<Order> ownOrder(Orders orders, Caller caller, String orderId, String what) {
        return order(orders, caller, orderId)
                .flatMap(order -> order.isOwnedBy(caller.userId())
                        ? Mono.just(order)
                        : Mono.error(new OnlyTheCustomerException(what)));
    }
}
