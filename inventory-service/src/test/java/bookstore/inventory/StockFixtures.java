package bookstore.inventory;

import bookstore.inventory.stock.application.OpeningStock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Fresh books with stock, and reads of what the service stored, for the integration tests. */
public final class StockFixtures {

    private final OpeningStock opening;
    private final DatabaseClient database;

    public StockFixtures(OpeningStock opening, DatabaseClient database) {
        this.opening = opening;
        this.database = database;
    }

    /** A book no other test uses, opened as the catalogue would with its initial copies. */
    public String bookWith(int initialStock) {
        String bookId = UUID.randomUUID().toString();
        opening.open(bookId, initialStock).block();
        return bookId;
    }

    /** Order ids are UUIDs in the saga's contract. */
    public static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    /** on_hand, reserved and version of a book's stock record. */
    public Map<String, Object> stockRow(String bookId) {
        return database.sql("SELECT on_hand, reserved, version FROM stock_item WHERE book_id = :bookId")
                .bind("bookId", bookId)
                .fetch()
                .one()
                .block();
    }

    /** The book's ledger, oldest first. */
    public List<Map<String, Object>> ledger(String bookId) {
        return database.sql("SELECT * FROM stock_movement WHERE book_id = :bookId ORDER BY stock_version")
                .bind("bookId", bookId)
                .fetch()
                .all()
                .collectList()
                .block();
    }

    /** The {@code ce_type}s waiting in or published from the outbox for one record key, in order. */
    public List<String> outboxTypes(String key) {
        return database.sql("SELECT event_type FROM outbox_event WHERE record_key = :key ORDER BY id")
                .bind("key", key)
                .map(row -> row.get("event_type", String.class))
                .all()
                .collectList()
                .block();
    }

    /** The JSON payloads in the outbox for one record key, in order. */
    public List<String> outboxPayloads(String key) {
        return database.sql("SELECT payload::text AS payload FROM outbox_event WHERE record_key = :key ORDER BY id")
                .bind("key", key)
                .map(row -> row.get("payload", String.class))
                .all()
                .collectList()
                .block();
    }
}
