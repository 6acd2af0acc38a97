package bookstore.catalog.book.messaging;

import bookstore.catalog.book.persistence.BookOutbox;
import bookstore.catalog.book.persistence.PendingEventsSignal;
import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in book documents to {@code catalog.books.v1}, in the order each book
 * stored them, and then removes exactly the published ones from their books. At-least-once: an event
 * published but not yet removed when the process dies is published again, which consumers absorb by
 * deduplicating on the event id.
 *
 * <p>It wakes when this replica stores events and otherwise polls, so events stored by another
 * replica, or left behind by a crash, are published too.
 */
@Component
class BookEventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BookEventRelay.class);

    private final BookOutbox outbox;
    private final EventPublisher publisher;
    private final PendingEventsSignal signal;
    private final Duration pollInterval;
    private final int batchSize;

    private volatile Thread worker;
    private volatile boolean running;

    BookEventRelay(
            BookOutbox outbox,
            EventPublisher publisher,
            PendingEventsSignal signal,
            @Value("${bookstore.catalog.outbox.poll-interval:1s}") Duration pollInterval,
            @Value("${bookstore.catalog.outbox.batch-size:100}") int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("book-event-relay").daemon().start(this::relayUntilStopped);
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

    /** Starts after the web server, stops before the Kafka producer goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void relayUntilStopped() {
        Duration backOff = pollInterval;
        while (running) {
            try {
                int published = relayBatch().block();
                backOff = pollInterval;
                if (published == 0) {
                    signal.await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Could not publish the catalogue's events; retrying in {}", backOff, e);
                try {
                    signal.await(backOff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : backOff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch; returns how many events were published and removed. */
    Mono<Integer> relayBatch() {
        return outbox.pending(batchSize)
                .flatMap(events -> publisher.publish(events).flatMap(sent -> {
                    // Only the acknowledged prefix: a later event of a book never goes out before an earlier one.
                    List<OutgoingEvent> done = events.subList(0, sent);
                    return outbox.published(done).thenReturn(sent);
                }));
    }
}
