package bookstore.platform.outbox;

import bookstore.events.CloudEvents;
import bookstore.events.IntegrationEvent;
import bookstore.events.Topic;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.observability.CurrentTrace;
import java.nio.charset.StandardCharsets;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The only way a service publishes an event: it writes the event into its own database, inside the
 * transaction that makes the state change the event reports. Both commit or neither does; the
 * {@link OutboxRelay} then publishes committed events in order.
 *
 * <p>Order per aggregate follows from the state change locking the aggregate's row before it
 * appends its events: a second change to the same aggregate waits for the first to commit, so its
 * events get later positions.
 */
public final class Outbox {

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

    /** Appends an event to the current transaction; fails if there is none. */
    public <E extends IntegrationEvent> Mono<Void> append(Topic<E> topic, E event) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .onErrorMap(
                        NoTransactionException.class,
                        e -> new IllegalStateException(
                                "Outbox.append must run inside the transaction of the state change it reports", e))
                .flatMap(transaction -> {
                    if (!transaction.isActualTransactionActive()) {
                        return Mono.error(new IllegalStateException(
                                "Outbox.append must run inside the transaction of the state change it reports"));
                    }
                    transaction.registerSynchronization(wakeRelayAfterCommit());
                    return insert(topic, event);
                });
    }

    /** Recorded with the trace context of the request or message that caused the event, so consumers continue it. */
    private Mono<Void> insert(Topic<?> topic, IntegrationEvent event) {
        var insert = database.sql("""
                        INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, occurred_at, traceparent)
                        VALUES (:eventId, :topic, :key, :type, CAST(:payload AS JSON), :occurredAt, :traceparent)
                        """)
                .bind("eventId", event.eventId())
                .bind("topic", topic.name())
                .bind("key", event.aggregateId())
                .bind("type", CloudEvents.typeOf(event.getClass()))
                .bind("payload", new String(codec.encode(event), StandardCharsets.UTF_8))
                .bind("occurredAt", event.occurredAt());
        return trace.traceparent().flatMap(traceparent -> traceparent
                .map(value -> insert.bind("traceparent", value))
                .orElseGet(() -> insert.bindNull("traceparent", String.class))
                .then());
    }

    private TransactionSynchronization wakeRelayAfterCommit() {
        return new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
                return Mono.fromRunnable(relay::wakeUp);
            }
        };
    }
}
