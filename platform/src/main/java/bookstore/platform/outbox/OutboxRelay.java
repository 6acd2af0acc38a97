package bookstore.platform.outbox;

import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            EventPublisher publisher,
            OutboxProperties properties) {
        this.database = database;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
    }

    void wakeUp() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayUntilStopped);
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

    /** Starts after the consumers and the web server are up, stops before the Kafka producer goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void relayUntilStopped() {
        Duration backOff = properties.pollInterval();
        Instant nextPurge = Instant.now();
        while (running) {
            try {
                if (Instant.now().isAfter(nextPurge)) {
                    purgeSentEvents().block();
                    nextPurge = Instant.now().plus(PURGE_INTERVAL);
                }
                int published = relayBatch().block();
                backOff = properties.pollInterval();
                if (published < properties.batchSize()) {
                    awaitWakeUp(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay could not publish; retrying in {}", backOff, e);
                awaitWakeUp(backOff);
                backOff = min(backOff.multipliedBy(2), properties.maxBackOff());
            }
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record PendingEvent(long id, OutgoingEvent event) {}
}
