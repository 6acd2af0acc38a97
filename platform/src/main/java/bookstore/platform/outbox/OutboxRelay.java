package bookstore.platform.outbox;

import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them sent. At-least-once: an
 * event whose send succeeded but whose mark did not is sent again after a restart, which consumers
 * absorb by deduplicating on the event id.
 *
 * <p>Several replicas of a service may run a relay; a transaction-scoped advisory lock lets one of
 * them publish at a time, which keeps the order. The relay wakes up when a transaction that appended
 * events commits, and otherwise polls, so events committed by another replica are not left behind.
 */
public final class OutboxRelay extends PollingWorker {

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final EventPublisher publisher;
    private final OutboxProperties properties;

    /** Only the worker's thread reads and writes it. */
    private Instant nextPurge = Instant.now();

    OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            EventPublisher publisher,
            OutboxProperties properties) {
        super("outbox-relay", Schedule.every(properties.pollInterval()).backingOffUpTo(properties.maxBackOff()));
        this.database = database;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Starts after the consumers and the web server are up, stops before the Kafka producer goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Publishes a batch, and now and then forgets long-sent events; a full batch means more are waiting. */
    @Override
    protected boolean runOnce() {
        if (Instant.now().isAfter(nextPurge)) {
            purgeSentEvents().block();
            nextPurge = Instant.now().plus(PURGE_INTERVAL);
        }
        return relayBatch().block() >= properties.batchSize();
    }

    /** Publishes one batch of unsent events; returns how many were published. */
    Mono<Integer> relayBatch() {
        Mono<Integer> batch = database.sql("SELECT pg_try_advisory_xact_lock(hashtext('bookstore.outbox-relay'))")
                .map(row -> row.get(0, Boolean.class))
                .one()
                .flatMap(locked -> locked ? publishUnsent() : Mono.just(0));
        return transactions.transactional(batch);
    }

    private Mono<Long> purgeSentEvents() {
        return database.sql("DELETE FROM outbox_event WHERE sent_at < :before")
                .bind("before", Instant.now().minus(properties.retention()))
                .fetch()
                .rowsUpdated();
    }

    private Mono<Integer> publishUnsent() {
        return database.sql("""
                        SELECT id, event_id, topic, record_key, event_type, payload::text AS payload, occurred_at, traceparent
                        FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT :limit
                        """)
                .bind("limit", properties.batchSize())
                .map(row -> new PendingEvent(
                        row.get("id", Long.class),
                        new OutgoingEvent(
                                row.get("event_id", UUID.class),
                                row.get("topic", String.class),
                                row.get("record_key", String.class),
                                row.get("event_type", String.class),
                                row.get("payload", String.class).getBytes(StandardCharsets.UTF_8),
                                row.get("occurred_at", Instant.class),
                                row.get("traceparent", String.class))))
                .all()
                .collectList()
                .flatMap(pending -> publisher
                        .publish(pending.stream().map(PendingEvent::event).toList())
                        .flatMap(sent -> markSent(pending.subList(0, sent))));
    }

    private Mono<Integer> markSent(List<PendingEvent> sent) {
        if (sent.isEmpty()) {
            return Mono.just(0);
        }
        Long[] ids = sent.stream().map(PendingEvent::id).toArray(Long[]::new);
        return database.sql("UPDATE outbox_event SET sent_at = now() WHERE id = ANY(:ids)")
                .bind("ids", ids)
                .fetch()
                .rowsUpdated()
                .thenReturn(sent.size());
    }

    private record PendingEvent(long id, OutgoingEvent event) {}
}
