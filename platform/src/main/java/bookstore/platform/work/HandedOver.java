package bookstore.platform.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Work handed to a {@link PollingWorker} in memory by the transaction that made it due, once that
 * transaction has committed, so the worker need not find it in the database. The database must
 * still hold the work (with a lease that runs out): should the process end before the worker takes
 * it, the worker's poll finds it there like any other work that is due.
 *
 * @param <T> what is handed over
 */
public final class HandedOver<T> {

    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
    private final WakeUpSignal wakeUps = new WakeUpSignal();

    /**
     * Hands the items over when the current transaction commits, or at once outside a transaction.
     * Nothing is handed over if the transaction rolls back.
     */
    public Mono<Void> afterCommit(List<T> items) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        List<T> handed = List.copyOf(items);
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

    /** Up to {@code max} items handed over, oldest first. */
    public List<T> take(int max) {
        List<T> taken = new ArrayList<>(Math.min(max, waiting.size()));
        T next;
        while (taken.size() < max && (next = waiting.poll()) != null) {
            taken.add(next);
        }
        return taken;
    }

    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** Raised whenever items are handed over; give it to the worker that takes them. */
    public WakeUpSignal wakeUps() {
        return wakeUps;
    }

    private void handOver(List<T> items) {
        waiting.addAll(items);
        wakeUps.raise();
    }
}
