package bookstore.payment.payments.application;

import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Runs {@link CallingProvider} in the background: right after a transaction that made a call due
 * commits, and otherwise every poll interval, which also picks up retries, confirmation checks and
 * calls another replica left behind. A round that fails (the database out of reach, say) is tried
 * again at the next poll; a failed provider call has a back-off of its own, kept with its payment.
 */
@Component
class ProviderCallWorker extends PollingWorker {

    private final CallingProvider calls;

    ProviderCallWorker(CallingProvider calls, PaymentProperties properties) {
        super("payment-provider-calls", Schedule.every(properties.provider().pollInterval()));
        this.calls = calls;
    }

    /** Wakes the worker once the current transaction has committed what it made due. */
    Mono<Void> wakeUpAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(ProviderCallWorker.this::wakeUp);
                    }
                }))
                .then();
    }

    /** Takes one batch of due calls; as long as there were some, more may be due. */
    @Override
    protected boolean runOnce() {
        Integer made = calls.callDue().block();
        return made != null && made > 0;
    }
}
