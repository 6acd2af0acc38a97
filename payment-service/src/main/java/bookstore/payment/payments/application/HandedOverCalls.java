package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import bookstore.platform.work.WakeUpSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Provider calls handed to the {@link ProviderCallWorker} in memory by the transaction that made
 * them due, so the worker need not find them in the database. The transaction takes each call's
 * lease as it saves the payment: should the process end before the call is made, the lease runs out
 * and the worker's poll takes the call like any other that is due.
 */
@Component
class HandedOverCalls {

    private final Queue<TakenCall> waiting = new ConcurrentLinkedQueue<>();
    private final WakeUpSignal wakeUps = new WakeUpSignal();
    private final PaymentProperties.ProviderCalls settings;

    HandedOverCalls(PaymentProperties properties) {
        this.settings = properties.provider();
    }

    /** Takes the payment's call if one is due now; the caller saves the payment with its lease. */
    Optional<TakenCall> lease(Payment payment, Instant now) {
        if (!payment.isProviderCallDue(now)) {
            return Optional.empty();
        }
        var call = payment.startProviderCall(now, settings.lease());
        return Optional.of(new TakenCall(payment.id(), call, payment.providerCalls()));
    }

    /**
     * Hands the calls to the worker once their leases are committed: when the current transaction
     * commits, or at once outside a transaction. Nothing is handed over if the transaction rolls back.
     */
    Mono<Void> afterCommit(List<TakenCall> calls) {
        if (calls.isEmpty()) {
            return Mono.empty();
        }
        List<TakenCall> handed = List.copyOf(calls);
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(transaction -> {
                    if (!transaction.isActualTransactionActive()) {
                        return Mono.fromRunnable(() -> handOver(handed));
                    }
                    transaction.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(() -> handOver(handed));
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(() -> handOver(handed)));
    }

    /** Up to {@code max} calls handed over, oldest first. */
    List<TakenCall> take(int max) {
        List<TakenCall> taken = new ArrayList<>(Math.min(max, waiting.size()));
        TakenCall next;
        while (taken.size() < max && (next = waiting.poll()) != null) {
            taken.add(next);
        }
        return taken;
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Raised whenever calls are handed over; the worker waits on it between rounds. */
    WakeUpSignal wakeUps() {
        return wakeUps;
    }

    private void handOver(List<TakenCall> calls) {
        waiting.addAll(calls);
        wakeUps.raise();
    }
}
