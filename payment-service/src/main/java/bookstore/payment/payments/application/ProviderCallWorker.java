package bookstore.payment.payments.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Runs {@link CallingProvider} in the background: right after a transaction that made a call due
 * commits, and otherwise every poll interval, which also picks up retries, confirmation checks and
 * calls another replica left behind.
 */
@Component
class ProviderCallWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderCallWorker.class);

    private final CallingProvider calls;
    private final Duration pollInterval;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile Thread worker;
    private volatile boolean running;

    ProviderCallWorker(CallingProvider calls, PaymentProperties properties) {
        this.calls = calls;
        this.pollInterval = properties.provider().pollInterval();
    }

    void wakeUp() {
        wakeUps.release();
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

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("payment-provider-calls").daemon().start(this::callUntilStopped);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void callUntilStopped() {
        while (running) {
            try {
                Integer made = calls.callDue().block();
                if (made == null || made == 0) {
                    awaitWakeUp();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Could not take due provider calls; trying again in {}", pollInterval, e);
                awaitWakeUp();
            }
        }
    }

    private void awaitWakeUp() {
        try {
            if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
