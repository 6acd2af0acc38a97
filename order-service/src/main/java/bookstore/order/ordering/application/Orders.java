package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.platform.outbox.Outbox;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where orders are kept. The locking methods must run inside a transaction. */
public interface Orders {

    Mono<Order> find(OrderId id);

    /** The order, locked until the transaction ends, so changes to one order apply one at a time. */
    Mono<Order> lock(OrderId id);

    /**
     * Pending orders whose deadline has passed, locked; orders another replica has locked are
     * skipped rather than waited for, so several replicas can scan at once.
     */
    Flux<Order> lockOverdue(Instant now, int limit);

    /**
     * DELIVERED orders delivered at or before {@code cutoff}, oldest first, locked; orders another
     * replica has locked are skipped.
     */
    Flux<Order> lockDeliveredBefore(Instant cutoff, int limit);

    /**
     * Orders with an open return whose step has timed out, earliest first, locked; orders another
     * replica has locked are skipped.
     */
    Flux<Order> lockAfterSaleDue(Instant now, int limit);

    Mono<KeyedOrder> findByIdempotencyKey(String customerId, String key);

    /**
     * The orders with these ids that exist, locked until the transaction ends; all are locked in one
     * fixed order, so lockers of overlapping sets never deadlock.
     */
    Mono<List<Order>> lockAll(Collection<OrderId> ids);

    /** Every order a customer placed, locked until the transaction ends, in the same fixed order as {@link #lockAll}. */
    Mono<List<Order>> lockOfCustomer(String customerId);

    /**
     * Adds a new order and records its messages, unless the customer's key placed an order before or
     * the customer's account is closed; emits whether it added this one.
     */
    Mono<Boolean> addIfNew(Order order, IdempotencyKey key, List<Outbox.Message<?>> messages);

    /** Saves the saga state of changed orders. */
    Mono<Void> updateAll(List<Order> orders);

    /** One page of the orders a query matches, newest first, and how many match in all. */
    Mono<OrderPage> list(OrderQuery query);

    /** An order and the fingerprint of the request that placed it. */
    record KeyedOrder(Order order, String requestFingerprint) {}
}
