package bookstore.platform.outbox;

import bookstore.platform.messaging.EventPublisher;
import bookstore.platform.messaging.OutgoingEvent;
import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox events to Kafka, oldest first, and deletes them once Kafka has them.
 * At-least-once: events published but not yet deleted when the relay stops are published again by
 * the next leader, which consumers absorb (by state, or by event id).
 *
 * <p>One relay publishes at a time, the leader: it holds a PostgreSQL session lock on a connection of
 * its own for as long as it leads, so a round is a single statement that deletes what the previous
 * round published and reads the next batch. Relays of other replicas try to take over every poll
 * interval. The leader listens on that connection for the notification that outbox writes of other
 * replicas send on commit, and is woken in memory by those of its own replica, so events committed
 * by any replica are published at once; without either it polls.
 */
public final class OutboxRelay extends PollingWorker {

    /** The notification channel that wakes the leading relay. */
    public static final String CHANNEL = "bookstore_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEADERSHIP_LOCK = "hashtext('bookstore.outbox-relay')";

    private final ConnectionFactory connections;
    private final EventPublisher publisher;
    private final OutboxProperties properties;

    /** Read by the transactions of this replica: whether their commit must notify another replica. */
    private volatile boolean leads;

    // Only the worker's thread reads and writes these.
    private Connection leading;
    private Disposable notifications;
    private Instant nextAttemptToLead = Instant.MIN;
    private long lastRound = System.nanoTime();
    /** Published in the previous round, deleted by the next. */
    private Long[] published = new Long[0];

    OutboxRelay(ConnectionFactory connections, EventPublisher publisher, OutboxProperties properties) {
        super("outbox-relay", Schedule.every(properties.pollInterval()).backingOffUpTo(properties.maxBackOff()));
        this.connections = connections;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Starts after the consumers and the web server are up, stops before the Kafka producer goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /**
     * Publishes a batch if this relay leads; a full batch means more are waiting. Rounds start at
     * most once per {@code linger}: a relay woken by every commit would otherwise spend a statement
     * on every few events, and the events committed meanwhile go out together.
     */
    @Override
    protected boolean runOnce() {
        if (!lingered()) {
            return false;
        }
        if (leading == null && !tryToLead()) {
            return false;
        }
        try {
            int read = relayRound();
            lastRound = System.nanoTime();
            return read >= properties.batchSize();
        } catch (RuntimeException failure) {
            if (!(failure instanceof NotAllPublished)) {
                stepDown();
            }
            throw failure;
        }
    }

    /** Waits out the rest of the linger since the last round; false if the relay was stopped meanwhile. */
    private boolean lingered() {
        long rest = properties.linger().toNanos() - (System.nanoTime() - lastRound);
        if (rest > 0) {
            try {
                Thread.sleep(Duration.ofNanos(rest));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether this relay now leads; tried at most once per poll interval, not on every wake-up. */
    private boolean tryToLead() {
        Instant now = Instant.now();
        if (now.isBefore(nextAttemptToLead)) {
            return false;
        }
        nextAttemptToLead = now.plus(properties.pollInterval());
        Connection connection = Mono.from(connections.create()).block();
        try {
            Boolean locked = Mono.from(connection
                            .createStatement("SELECT pg_try_advisory_lock(" + LEADERSHIP_LOCK + ")")
                            .execute())
                    .flatMap(result -> Mono.from(result.map(row -> row.get(0, Boolean.class))))
                    .block();
            if (!Boolean.TRUE.equals(locked)) {
                Mono.from(connection.close()).block();
                return false;
            }
            leading = connection;
            published = new Long[0];
            listen(connection);
            leads = true;
            log.info("This outbox relay leads: it publishes the events of every replica");
            return true;
        } catch (RuntimeException e) {
            Mono.from(connection.close()).onErrorResume(ignored -> Mono.empty()).block();
            throw e;
        }
    }

    /**
     * Whether this replica's relay leads, so that its own commits need only {@link #wakeUp()} it
     * and no notification: PostgreSQL makes the listening session read every notification in a
     * transaction of its own, one more for each transaction that sends one.
     */
    public boolean leads() {
        return leads;
    }

    /** Wakes this relay when another replica commits outbox events. */
    private void listen(Connection connection) {
        Connection physical = connection;
        while (physical instanceof Wrapped<?> wrapped && !(physical instanceof PostgresqlConnection)) {
            Object inner = wrapped.unwrap();
            if (!(inner instanceof Connection next)) {
                break;
            }
            physical = next;
        }
        if (physical instanceof PostgresqlConnection postgres) {
            Mono.from(postgres.createStatement("LISTEN " + CHANNEL).execute())
                    .flatMap(result -> Mono.from(result.getRowsUpdated()))
                    .block();
            notifications = postgres.getNotifications().subscribe(notification -> wakeUp(), failure -> {});
        }
    }

    /** Gives up leading: the session lock goes with the session, or is released if it lives on. */
    private void stepDown() {
        Connection connection = leading;
        leading = null;
        leads = false;
        if (notifications != null) {
            notifications.dispose();
            notifications = null;
        }
        if (connection != null) {
            Mono.from(connection
                            .createStatement("SELECT pg_advisory_unlock_all()")
                            .execute())
                    .flatMap(result -> Mono.from(result.getRowsUpdated()))
                    .then(Mono.from(connection.close()))
                    .onErrorResume(ignored -> Mono.from(connection.close()).onErrorResume(e -> Mono.empty()))
                    .block();
        }
    }

    @Override
    protected void afterStop() {
        stepDown();
    }

    /** One statement: delete what the last round published, read the next batch; then publish it. */
    private int relayRound() {
        List<PendingEvent> batch = Flux.from(leading.createStatement("""
                        WITH sent AS (DELETE FROM outbox_event WHERE id = ANY($1))
                        SELECT id, event_id, topic, record_key, event_type, payload::text AS payload, occurred_at,
                               traceparent
                          FROM outbox_event WHERE id <> ALL($1) ORDER BY id LIMIT $2
                        """)
                        .bind("$1", published)
                        .bind("$2", properties.batchSize())
                        .execute())
                .flatMap(result -> result.map(OutboxRelay::pending))
                .collectList()
                .block();
        published = new Long[0];
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        int sent = publisher
                .publish(batch.stream().map(PendingEvent::event).toList())
                .block();
        published = batch.subList(0, sent).stream().map(PendingEvent::id).toArray(Long[]::new);
        if (sent < batch.size()) {
            throw new NotAllPublished(sent, batch.size());
        }
        return batch.size();
    }

    private static PendingEvent pending(Readable row) {
        return new PendingEvent(
                row.get("id", Long.class),
                new OutgoingEvent(
                        row.get("event_id", UUID.class),
                        row.get("topic", String.class),
                        row.get("record_key", String.class),
                        row.get("event_type", String.class),
                        row.get("payload", String.class).getBytes(StandardCharsets.UTF_8),
                        row.get("occurred_at", Instant.class),
                        row.get("traceparent", String.class)));
    }

    private record PendingEvent(long id, OutgoingEvent event) {}

    /** Kafka took only the first events of a batch; the rest are published again after a back-off. */
    private static final class NotAllPublished extends RuntimeException {

        NotAllPublished(int sent, int batch) {
            super("Kafka took " + sent + " of " + batch + " outbox events; the rest are published again");
        }
    }
}
