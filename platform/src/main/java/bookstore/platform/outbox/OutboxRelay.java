package bookstore.platform.outbox;

import bookstore.events.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
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
    private static final DateTimeFormatter CE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final String source;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            String applicationName) {
        this.database = database;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.source = CloudEvents.sourceOf(applicationName);
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
                        row.get("event_id", UUID.class),
                        row.get("topic", String.class),
                        row.get("record_key", String.class),
                        row.get("event_type", String.class),
                        row.get("payload", String.class),
                        row.get("occurred_at", Instant.class),
                        row.get("traceparent", String.class)))
                .all()
                .collectList()
                .flatMap(pending -> pending.isEmpty() ? Mono.just(0) : send(pending));
    }

    private Mono<Integer> send(List<PendingEvent> pending) {
        List<CompletableFuture<?>> sends = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            sends.add(kafka.send(record(event)));
        }
        kafka.flush();
        return Flux.fromIterable(sends)
                .concatMap(send -> Mono.fromFuture(send).thenReturn(true).onErrorResume(e -> {
                    log.warn("Kafka did not take an outbox event", e);
                    return Mono.just(false);
                }))
                // Only the events before the first failed send count as sent, so a retry never
                // publishes an aggregate's later event before its earlier one.
                .takeWhile(sent -> sent)
                .count()
                .flatMap(sent -> markSent(pending.subList(0, sent.intValue())));
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

    private ProducerRecord<String, byte[]> record(PendingEvent event) {
        var record = new ProducerRecord<String, byte[]>(
                event.topic(), event.key(), event.payload().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, event.type());
        header(record, CloudEvents.SOURCE, source);
        header(record, CloudEvents.TIME, CE_TIME.format(event.occurredAt()));
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        if (event.traceparent() != null) {
            header(record, CloudEvents.TRACEPARENT, event.traceparent());
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record PendingEvent(
            long id,
            UUID eventId,
            String topic,
            String key,
            String type,
            String payload,
            Instant occurredAt,
            String traceparent) {}
}
