package bookstore.platform.inbox;

import bookstore.events.IntegrationEvent;
import bookstore.platform.messaging.Delivered;
import bookstore.platform.messaging.ProcessedEvents;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption on PostgreSQL, for handlers whose state has no natural key to tell a
 * repeat: the event ids of a batch are recorded in {@code inbox_processed_event} with one statement,
 * in the same transaction as the handler's state change, and only the ids that were new reach the
 * handler. If the handler fails, the record of the ids rolls back with it, so a retry runs it again.
 *
 * <p>Ids are kept for {@code retention} (see {@link InboxPurge}), which must be longer than the
 * retention of the topics read: an event older than that can no longer be redelivered or replayed.
 */
public final class Inbox implements ProcessedEvents {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public Inbox(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public <E extends IntegrationEvent> Mono<Void> once(
            String consumer, List<Delivered<E>> batch, Function<List<Delivered<E>>, Mono<Void>> work) {
        Set<UUID> inBatch = new HashSet<>();
        List<Delivered<E>> distinct = batch.stream()
                .filter(delivered -> inBatch.add(delivered.event().eventId()))
                .toList();
        Mono<Void> firstTimeOnly = database.sql("""
                        INSERT INTO inbox_processed_event (consumer, event_id)
                        SELECT :consumer, event_id FROM unnest(CAST(CAST(:eventIds AS TEXT[]) AS UUID[])) AS event_id
                        ON CONFLICT DO NOTHING
                        RETURNING event_id
                        """)
                .bind("consumer", consumer)
                .bind("eventIds", inBatch.stream().map(UUID::toString).toArray(String[]::new))
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(Collectors.toSet())
                .flatMap(fresh -> {
                    List<Delivered<E>> unseen = distinct.stream()
                            .filter(delivered ->
                                    fresh.contains(delivered.event().eventId()))
                            .toList();
                    return unseen.isEmpty() ? Mono.empty() : work.apply(unseen);
                });
        return transactions.transactional(firstTimeOnly);
    }

    @Override
    public Mono<Boolean> handled(String consumer, UUID eventId) {
        return database.sql(
                        "SELECT EXISTS (SELECT 1 FROM inbox_processed_event WHERE consumer = :consumer AND event_id = :id)")
                .bind("consumer", consumer)
                .bind("id", eventId)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

    /** Forgets the ids recorded longer ago than {@code retention}; tells how many. */
    Mono<Long> forgetOlderThan(Duration retention) {
        return database.sql("DELETE FROM inbox_processed_event WHERE processed_at < now() - CAST(:age AS INTERVAL)")
                .bind("age", retention.toSeconds() + " seconds")
                .fetch()
                .rowsUpdated();
    }
}
