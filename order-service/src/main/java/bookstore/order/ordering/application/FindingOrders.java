package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderStatus;
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

    /** Newest first; {@code status} may be null for every status. */
    public Mono<OrderPage> list(Caller caller, OrderStatus status, int page, int size) {
        return orders.list(caller.admin() ? null : caller.userId(), status, page, size);
    }
}
