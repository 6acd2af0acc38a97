package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Order queries: customers see their own orders, admins everybody's. */
@Service
public class FindingOrders {

    private final Orders orders;

    FindingOrders(Orders orders) {
        this.orders = orders;
    }

    public Mono<Order> find(Caller caller, String orderId) {
        return Accessible.order(orders, caller, orderId);
    }

    /**
     * Newest first. Admins list anyone's orders, or everybody's; customers only their own, whether or not they name
     * themselves, and naming anyone else is refused with {@link OrdersOfAnotherCustomerException}.
     */
    public Mono<OrderPage> list(Caller caller, OrderQuery query) {
        if (caller.admin()) {
            return orders.list(query);
        }
        if (query.customerId() != null && !query.customerId().equals(caller.userId())) {
            return Mono.error(new OrdersOfAnotherCustomerException());
        }
        return orders.list(query.of(caller.userId()));
    }
}
