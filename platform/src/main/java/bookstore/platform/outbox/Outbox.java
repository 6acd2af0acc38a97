package bookstore.platform.outbox;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.observability.CurrentTrace;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The only way a service publishes an event: it writes the event into its own database, inside the
 * transaction that makes the state change the event reports. Both commit or neither does; the
 * {@link OutboxRelay} then publishes committed events in order.
 *
 * <p>The events a transaction appends are gathered in memory and written with one statement just
 * before it commits, in the order they were appended, each with the trace context it was appended
 * in: a transaction that handles a batch of a hundred events and causes a hundred more writes them
 * with one insert. Nothing is written for a transaction that rolls back. (A savepoint rolled back
 * does not take back what was appended inside it; the services append outside savepoints.)
 *
 * <p>Order per aggregate follows from the state change locking the aggregate's row before it
 * appends its events: a second change to the same aggregate waits for the first to commit, so its
 * events get later positions.
 */
public final class Outbox {

    private static final String NO_TRANSACTION =
            "Outbox.append must run inside the transaction of the state change it reports";

    /** The rows of the bound arrays, in the order appended. */
    private static final String APPENDED_ROWS = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, occurred_at, traceparent)
            SELECT event_id, topic, record_key, event_type, CAST(payload AS JSON), occurred_at, traceparent
              FROM unnest(CAST(:outboxEventIds AS UUID[]), CAST(:outboxTopics AS TEXT[]), CAST(:outboxKeys AS TEXT[]),
                          CAST(:outboxTypes AS TEXT[]), CAST(:outboxPayloads AS TEXT[]),
                          CAST(:outboxOccurredAts AS TIMESTAMPTZ[]), CAST(:outboxTraceparents AS TEXT[]))
                   WITH ORDINALITY AS event (event_id, topic, record_key, event_type, payload, occurred_at,
                                             traceparent, position)
            """;

    /** A transaction's events, when the relay of this replica leads and is woken in memory. */
    private static final String INSERT = APPENDED_ROWS + " ORDER BY position";

    /**
     * A transaction's events, and a notification, sent on commit, that wakes the relay of whichever
     * other replica leads.
     */
    private static final String INSERT_NOTIFYING = """
            WITH appended AS (%s ORDER BY position RETURNING 1)
            SELECT pg_notify('%s', '')
            """.formatted(APPENDED_ROWS, OutboxRelay.CHANNEL);

    /**
     * A state change of one statement and its events, the events only if the change changed a row;
     * the notification as for {@link #INSERT_NOTIFYING}, or none ({@code NULL}).
     */
    private static final String WITH_CHANGE = """
            WITH change AS (%s RETURNING 1),
                 appended AS (%s WHERE EXISTS (SELECT 1 FROM change) ORDER BY position RETURNING 1)
            SELECT (SELECT count(*) FROM change) AS changed,
                   %s AS notified
            """;

    private static final String NOTIFY_IF_APPENDED =
            "CASE WHEN EXISTS (SELECT 1 FROM appended) THEN pg_notify('" + OutboxRelay.CHANNEL + "', '') END";

    private final DatabaseClient database;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final CurrentTrace trace;

    Outbox(DatabaseClient database, EventCodec codec, OutboxRelay relay, CurrentTrace trace) {
        this.database = database;
        this.codec = codec;
        this.relay = relay;
        this.trace = trace;
    }

    /**
     * Appends an event to the current transaction, with the trace context of the request or message
     * that caused it (consumers continue it); fails if there is no transaction.
     */
    public <E extends IntegrationEvent> Mono<Void> append(Topic<E> topic, E event) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(NoTransactionException.class, e -> new IllegalStateException(NO_TRANSACTION, e))
                .flatMap(transaction -> {
                    if (!transaction.isActualTransactionActive()) {
                        return Mono.error(new IllegalStateException(NO_TRANSACTION));
                    }
                    return trace.traceparent()
                            .doOnNext(traceparent ->
                                    pendingIn(transaction).add(row(topic, event, traceparent.orElse(null))))
                            .then();
                });
    }

    /** The transaction's events so far; the first append registers their writing before commit. */
    private List<PendingRow> pendingIn(TransactionSynchronizationManager transaction) {
        @SuppressWarnings("unchecked")
        List<PendingRow> pending = (List<PendingRow>) transaction.getResource(this);
        if (pending == null) {
            List<PendingRow> appended = Collections.synchronizedList(new ArrayList<>());
            transaction.bindResource(this, appended);
            transaction.registerSynchronization(new TransactionSynchronization() {
                @Override
                public Mono<Void> beforeCommit(boolean readOnly) {
                    return insert(appended);
                }

                @Override
                public Mono<Void> afterCommit() {
                    return Mono.fromRunnable(relay::wakeUp);
                }

                @Override
                public Mono<Void> afterCompletion(int status) {
                    return Mono.fromRunnable(() -> transaction.unbindResourceIfPossible(Outbox.this));
                }
            });
            pending = appended;
        }
        return pending;
    }

    /** One statement for all of a transaction's events; ids rise in the order they were appended. */
    private Mono<Void> insert(List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        return bindRows(database.sql(relay.leads() ? INSERT : INSERT_NOTIFYING), List.copyOf(rows))
                .then();
    }

    /**
     * Makes a state change and records the events it causes with ONE statement, which needs no
     * transaction of its own: {@code change} is a single INSERT, UPDATE or DELETE (without RETURNING)
     * whose parameters {@code bindings} names; the events, with the caller's trace context, are
     * written only if it changed a row. Emits whether it did. Inside a transaction it joins it.
     */
    public Mono<Boolean> changeWith(String change, Map<String, Parameter> bindings, List<Message<?>> messages) {
        return trace.traceparent().flatMap(traceparent -> {
            List<PendingRow> rows = messages.stream()
                    .map(message -> row(message.topic(), message.event(), traceparent.orElse(null)))
                    .toList();
            var statement = database.sql(
                    WITH_CHANGE.formatted(change, APPENDED_ROWS, relay.leads() ? "NULL" : NOTIFY_IF_APPENDED));
            for (var binding : bindings.entrySet()) {
                statement = statement.bind(binding.getKey(), binding.getValue());
            }
            return bindRows(statement, rows)
                    .map(row -> row.get("changed", Long.class))
                    .one()
                    .map(changed -> changed > 0)
                    .doOnNext(changed -> {
                        if (changed && !rows.isEmpty()) {
                            relay.wakeUp();
                        }
                    });
        });
    }

    private PendingRow row(Topic<?> topic, IntegrationEvent event, String traceparent) {
        return new PendingRow(
                event.eventId(),
                topic.name(),
                event.aggregateId(),
                CloudEvents.typeOf(event.getClass()),
                new String(codec.encode(event), StandardCharsets.UTF_8),
                event.occurredAt(),
                traceparent);
    }

    private static DatabaseClient.GenericExecuteSpec bindRows(
            DatabaseClient.GenericExecuteSpec statement, List<PendingRow> rows) {
        return statement
                .bind(
                        "outboxEventIds",
                        rows.stream().map(row -> row.eventId().toString()).toArray(String[]::new))
                .bind("outboxTopics", rows.stream().map(PendingRow::topic).toArray(String[]::new))
                .bind("outboxKeys", rows.stream().map(PendingRow::key).toArray(String[]::new))
                .bind("outboxTypes", rows.stream().map(PendingRow::type).toArray(String[]::new))
                .bind("outboxPayloads", rows.stream().map(PendingRow::payload).toArray(String[]::new))
                .bind(
                        "outboxOccurredAts",
                        rows.stream().map(row -> row.occurredAt().toString()).toArray(String[]::new))
                .bind(
                        "outboxTraceparents",
                        rows.stream().map(PendingRow::traceparent).toArray(String[]::new));
    }

    /** An event and the topic it goes to. */
    public record Message<E extends IntegrationEvent>(Topic<E> topic, E event) {}

    private record PendingRow(
            UUID eventId,
            String topic,
            String key,
            String type,
            String payload,
            Instant occurredAt,
            String traceparent) {}
}
