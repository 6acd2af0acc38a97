package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where payments are kept. Methods that lock must run inside a transaction. */
public interface Payments {

    /**
     * Serialises all work on one order's payment until the transaction ends, including the moments
     * before the order has a payment at all (a refund racing the charge).
     */
    Mono<Void> lockOrder(String orderId);

    /** Stores a new payment; false if the order has one already. */
    Mono<Boolean> insert(Payment payment);

    Mono<Void> update(Payment payment);

    Mono<Payment> lockByOrder(String orderId);

    Mono<Payment> lockById(UUID id);

    Mono<Payment> lockByReference(String provider, String reference);

    /** Payments with a provider call due, skipping those another worker holds. */
    Flux<Payment> lockDue(Instant now, int limit);

    /** Remembers that an order was cancelled before it was charged; false if it was already. */
    Mono<Boolean> recordCancelledOrder(String orderId, String reason, Instant at);

    Mono<Boolean> isCancelledOrder(String orderId);

    Mono<Payment> findById(UUID id);

    Mono<List<Payment>> find(PaymentCriteria criteria, int page, int size);

    Mono<Long> count(PaymentCriteria criteria);

    /**
     * Which payments a listing shows; a null field does not filter.
     *
     * @param customerId the paying customer
     * @param orderId the order paid for
     */
    record PaymentCriteria(String customerId, String orderId) {}
}
