package bookstore.platform.inbox;

import bookstore.platform.messaging.ProcessedEvents;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption on PostgreSQL: the event id is recorded in {@code inbox_processed_event}
 * in the same transaction as the handler's state change. A second delivery finds the id already
 * there and does nothing; if the handler fails, the record of the id rolls back with it, so a retry
 * runs the handler again.
 */
public final class Inbox implements ProcessedEvents {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public Inbox(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> once(String consumer, UUID eventId, Supplier<Mono<Void>> work) {
        Mono<Void> firstTimeOnly = database.sql("""
                        INSERT INTO inbox_processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? work.get() : Mono.empty());
        return transactions.transactional(firstTimeOnly);
    }
}
