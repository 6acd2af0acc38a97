package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A customer's account was closed: each of their orders is cancelled if it has not shipped and
 * loses the person (see {@link Order#closeAccount}), all with one read and one write of the orders,
 * together with the cancellations' messages, in the caller's transaction if there is one.
 */
@Service
public class ClosingAccounts {

    private final Orders orders;
    private final OrderChanges changes;

    ClosingAccounts(Orders orders, OrderChanges changes) {
        this.orders = orders;
        this.changes = changes;
    }

    /** Emits the customer's orders as they are now. */
    public Mono<List<Order>> close(String customerId) {
        return changes.changeAll(orders.lockOfCustomer(customerId), (order, now) -> order.closeAccount(now));
    }
}
