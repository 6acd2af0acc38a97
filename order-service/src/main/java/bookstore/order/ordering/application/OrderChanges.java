package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Effect;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way existing orders change: lock them, apply the changes in memory, save the changed ones
 * with one statement and append their messages, all in one transaction. The lock also keeps the
 * outbox in order per order: a second change waits for the first to commit, so its messages come
 * later.
 */
@Component
class OrderChanges {

    private final Orders orders;
    private final OrderMessages messages;
    private final TransactionalOperator transactions;
    private final OrderMetrics metrics;
    private final Clock clock;

    OrderChanges(
            Orders orders,
            OrderMessages messages,
            TransactionalOperator transactions,
            OrderMetrics metrics,
            Clock clock) {
        this.orders = orders;
        this.messages = messages;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Changes the order if it exists; completes empty if it does not. */
    Mono<Order> change(OrderId id, BiConsumer<Order, Instant> change) {
        return transactions.transactional(orders.lockAll(List.of(id))
                .flatMap(locked -> locked.isEmpty()
                        ? Mono.<Order>empty()
                        : apply(List.of(new Change(locked.getFirst(), change, UnaryOperator.identity())))
                                .thenReturn(locked.getFirst())));
    }

    /** Changes the order named by a caller's id; fails with {@link OrderNotFoundException} if there is none. */
    Mono<Order> changeExisting(String orderId, BiConsumer<Order, Instant> change) {
        OrderId id = OrderId.parseOrNull(orderId);
        return (id == null ? Mono.<Order>empty() : change(id, change))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)));
    }

    /**
     * Locks a batch of orders and applies the same change to each, in one transaction; tells how many
     * orders the batch held. For scans such as the saga's timeouts and the automatic receipt.
     */
    Mono<Integer> changeBatch(Flux<Order> locking, BiConsumer<Order, Instant> change) {
        return changeAll(locking.collectList(), change).map(List::size);
    }

    /** Locks the orders and applies the same change to each, in one transaction; emits them as changed. */
    Mono<List<Order>> changeAll(Mono<List<Order>> locking, BiConsumer<Order, Instant> change) {
        return transactions.transactional(locking.flatMap(batch -> apply(batch.stream()
                        .map(order -> new Change(order, change, UnaryOperator.identity()))
                        .toList())
                .thenReturn(batch)));
    }

    /**
     * Applies changes to orders already locked in the current transaction, in the list's order (an
     * order may appear more than once); each change's messages are appended in its own context,
     * which carries the trace of what caused it.
     */
    Mono<Void> apply(List<Change> changes) {
        Instant now = clock.instant();
        List<Order> changed = new ArrayList<>();
        List<Mono<Void>> appends = new ArrayList<>();
        List<Mono<Void>> measured = new ArrayList<>();
        for (Change change : changes) {
            Order order = change.order();
            Order.State before = order.state();
            int known = order.effects().size();
            change.change().accept(order, now);
            List<Effect> caused =
                    List.copyOf(order.effects().subList(known, order.effects().size()));
            if (!order.state().equals(before) && !changed.contains(order)) {
                changed.add(order);
            }
            if (!caused.isEmpty()) {
                appends.add(change.inItsContext().apply(messages.publish(order, caused, now)));
                measured.add(metrics.changed(before, order, caused, now));
            }
        }
        return orders.updateAll(changed)
                .then(Flux.concat(appends).then())
                .then(Flux.concat(measured).then());
    }

    /**
     * A change to a locked order.
     *
     * @param inItsContext runs the appending of the change's messages in the context of its cause
     */
    record Change(Order order, BiConsumer<Order, Instant> change, UnaryOperator<Mono<Void>> inItsContext) {}
}
