package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The one way an existing order changes: lock it, apply the change, save it and append its
 * messages, all in one transaction. The lock also keeps the outbox in order per order: a second
 * change waits for the first to commit, so its messages come later.
 */
@Component
class OrderChanges {

    private final Orders orders;
    private final OrderMessages messages;
    private final TransactionalOperator transactions;
    private final Clock clock;

    OrderChanges(Orders orders, OrderMessages messages, TransactionalOperator transactions, Clock clock) {
        this.orders = orders;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Changes the order if it exists; completes empty if it does not. */
    Mono<Order> change(OrderId id, BiConsumer<Order, Instant> change) {
        return transactions.transactional(orders.lock(id).flatMap(order -> apply(order, change)));
    }

    /** Changes an order already locked in the current transaction. */
    Mono<Order> apply(Order order, BiConsumer<Order, Instant> change) {
        Instant now = clock.instant();
        change.accept(order, now);
        return orders.update(order).then(messages.publish(order, now)).thenReturn(order);
    }
}
