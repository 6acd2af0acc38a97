package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where payments are kept. Methods that lock must run inside a transaction; those that take many
 * payments do so with one statement. Payments are locked in the order of their ids, whoever locks
 * them, so that two transactions locking several never wait for each other in a circle.
 */
public interface Payments {

    /**
     * Serialises all work on these orders' payments until the transaction ends, including the moments
     * before an order has a payment at all (a refund racing the charge).
     */
    Mono<Void> lockOrders(Collection<String> orderIds);

    /**
     * Stores new payments, except those whose order has one already or was cancelled before it was
     * charged ({@link #recordCancelledOrders}).
     *
     * @return the orders whose payment was stored
     */
    Mono<Set<String>> insertNew(List<TracedPayment> payments);

    /** Saves what changed on stored payments, and the trace each now serves. */
    Mono<Void> update(List<TracedPayment> payments);

    /** The orders' payments, for those that have one. */
    Mono<List<TracedPayment>> lockByOrders(Collection<String> orderIds);

    Mono<List<TracedPayment>> lockByIds(Collection<UUID> ids);

    Mono<TracedPayment> lockById(UUID id);

    Mono<TracedPayment> lockByReference(String provider, String reference);

    /** Payments with a provider call due, skipping those another worker holds. */
    Mono<List<TracedPayment>> lockDue(Instant now, int limit);

    /** Remembers orders that were cancelled before they were charged; those already known stay as they were. */
    Mono<Void> recordCancelledOrders(List<CancelledOrder> orders);

    Mono<Payment> findById(UUID id);

    Mono<List<Payment>> find(PaymentCriteria criteria, int page, int size);

    Mono<Long> count(PaymentCriteria criteria);

    /**
     * An order cancelled before it had a payment: a charge that still arrives for it is refused.
     *
     * @param reason why, as the saga said; may be null
     */
    record CancelledOrder(String orderId, String reason, Instant at) {}

    /**
     * Which payments a listing shows; a null field does not filter.
     *
     * @param customerId the paying customer
     * @param orderId the order paid for
     */
    record PaymentCriteria(String customerId, String orderId) {}
}
