package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Effect;
import bookstore.order.ordering.domain.EndReason;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.SagaStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The orders' lives as metrics: how many were placed and how they ended (by a few kinds of reason), how
 * long the saga waited in each step, and what became of returns. Read from the changes themselves (the
 * effects an order recorded, the state it left), never with a statement of its own, and counted once
 * the change has committed, so a rolled back change counts nothing.
 */
@Component
class OrderMetrics {

    private final MeterRegistry registry;
    private final Duration paymentTimeout;
    private final Counter placed;

    OrderMetrics(MeterRegistry registry, OrderingProperties properties) {
        this.registry = registry;
        this.paymentTimeout = properties.timeouts().payment();
        this.placed = Counter.builder("bookstore.orders.placed")
                .description("Orders placed (a repeated request with the same idempotency key is not counted)")
                .register(registry);
    }

    /** An order was placed, once the transaction that placed it (if any) commits. */
    Mono<Void> placed() {
        return afterCommit(placed::increment);
    }

    /** What a change of an order did, once its transaction commits. */
    Mono<Void> changed(Order.State before, Order after, List<Effect> caused, Instant now) {
        List<Runnable> records = new ArrayList<>();
        for (Effect effect : caused) {
            Runnable record = recordOf(effect);
            if (record != null) {
                records.add(record);
            }
        }
        if (before.status().inSaga() && before.step() != after.step()) {
            Instant entered = enteredStep(before);
            if (entered != null && !now.isBefore(entered)) {
                Timer timer = stepTimer(before.step(), after.status().name().toLowerCase(Locale.ROOT));
                Duration waited = Duration.between(entered, now);
                records.add(() -> timer.record(waited));
            }
        }
        return records.isEmpty() ? Mono.empty() : afterCommit(() -> records.forEach(Runnable::run));
    }

    /**
     * When the order entered its step: placing it starts the wait for stock; the wait for payment started
     * when stock was reserved, which set its deadline a payment timeout ahead.
     */
    private Instant enteredStep(Order.State order) {
        return switch (order.step()) {
            case AWAITING_STOCK -> order.placedAt();
            case AWAITING_PAYMENT ->
                order.deadline() == null ? null : order.deadline().minus(paymentTimeout);
            case DONE -> null;
        };
    }

    private Runnable recordOf(Effect effect) {
        return switch (effect) {
            case Effect.Confirmed confirmed ->
                counter("bookstore.orders.confirmed", "Orders paid for and confirmed")::increment;
            case Effect.Rejected rejected ->
                ended("bookstore.orders.rejected", "Orders refused by the saga", effect)::increment;
            case Effect.Cancelled cancelled ->
                ended("bookstore.orders.cancelled", "Orders cancelled", effect)::increment;
            case Effect.ReturnRequested requested ->
                counter("bookstore.returns.requested", "Returns customers asked for")::increment;
            case Effect.ReturnCompleted completed ->
                counter("bookstore.returns.completed", "Returns refunded and closed")::increment;
            case Effect.ReturnRejected rejected ->
                counter("bookstore.returns.rejected", "Returns the shop refused")::increment;
            case Effect.ReturnCancelled cancelled ->
                counter("bookstore.returns.cancelled", "Returns withdrawn by the customer or not sent back in time")
                        ::increment;
            default -> null;
        };
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private Counter ended(String name, String description, Effect effect) {
        return Counter.builder(name)
                .description(description)
                .tag("reason", EndReason.of(effect).name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Timer stepTimer(SagaStep step, String outcome) {
        return Timer.builder("bookstore.orders.saga.step")
                .description("How long an order waited in a step of the saga, recorded when it left the step")
                .tag("step", step.name())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Runs the record after the current transaction commits, or at once outside a transaction. */
    private static Mono<Void> afterCommit(Runnable record) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(transaction -> {
                    if (!transaction.isSynchronizationActive()) {
                        return Mono.<Void>fromRunnable(record);
                    }
                    transaction.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(record);
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, outside -> Mono.fromRunnable(record))
                .then();
    }
}
