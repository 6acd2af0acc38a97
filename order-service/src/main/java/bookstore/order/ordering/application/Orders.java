package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import java.time.Instant;
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

    /** Serializes checkouts that use the same key, until the transaction ends. */
    Mono<Void> lockIdempotencyKey(String customerId, String key);

    Mono<KeyedOrder> findByIdempotencyKey(String customerId, String key);

    Mono<Void> add(Order order, IdempotencyKey key);

    Mono<Void> update(Order order);

    /** One page of the orders a query matches, newest first, and how many match in all. */
    Mono<OrderPage> list(OrderQuery query);

    /** An order and the fingerprint of the request that placed it. */
    record KeyedOrder(Order order, String requestFingerprint) {}
}
