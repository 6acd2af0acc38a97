package bookstore.catalog.book.messaging;

import bookstore.catalog.book.persistence.BookOutbox;
import bookstore.catalog.book.persistence.PendingEventsSignal;
import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import java.time.Duration;
import java.util.List;
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
class BookEventRelay extends PollingWorker {

    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    private final BookOutbox outbox;
    private final EventPublisher publisher;
    private final int batchSize;

    BookEventRelay(
            BookOutbox outbox,
            EventPublisher publisher,
            PendingEventsSignal signal,
            @Value("${bookstore.catalog.outbox.poll-interval:1s}") Duration pollInterval,
            @Value("${bookstore.catalog.outbox.batch-size:100}") int batchSize) {
        super("book-event-relay", Schedule.every(pollInterval).backingOffUpTo(MAX_BACK_OFF), signal);
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    /** Starts after the web server, stops before the Kafka producer goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Publishes a batch; as long as there was something to publish, there may be more. */
    @Override
    protected boolean runOnce() {
        return relayBatch().block() > 0;
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
