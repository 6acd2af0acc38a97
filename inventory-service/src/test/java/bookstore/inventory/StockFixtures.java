package bookstore.inventory;

import bookstore.events.Topics;
import bookstore.inventory.stock.application.OpeningStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Fresh books with stock, and reads of what the service stored, for the integration tests. */
public final class StockFixtures {

    private static boolean outboxTapped;

    private final OpeningStock opening;
    private final DatabaseClient database;

    public StockFixtures(OpeningStock opening, DatabaseClient database) {
        this.opening = opening;
        this.database = database;
        tapOutbox(database);
    }

    /**
     * The relay deletes the events it published, so the outbox alone cannot tell a test what a
     * transaction appended: a trigger, added here for the tests only, keeps a copy of every event as
     * it is written, with its outbox id.
     */
    private static synchronized void tapOutbox(DatabaseClient database) {
        if (outboxTapped) {
            return;
        }
        List.of(
                        "CREATE TABLE IF NOT EXISTS test_outbox_copy AS SELECT * FROM outbox_event WITH NO DATA",
                        """
                        CREATE OR REPLACE FUNCTION test_copy_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            INSERT INTO test_outbox_copy SELECT NEW.*;
                            RETURN NULL;
                        END $$""",
                        "DROP TRIGGER IF EXISTS test_copy_outbox_event ON outbox_event",
                        """
                        CREATE TRIGGER test_copy_outbox_event AFTER INSERT ON outbox_event
                            FOR EACH ROW EXECUTE FUNCTION test_copy_outbox_event()""")
                .forEach(statement -> database.sql(statement).then().block());
        outboxTapped = true;
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

    /**
     * Fresh order ids whose commands all go to one partition of the commands topic, so that commands
     * of different orders sent together reach inventory as one batch.
     */
    public static List<String> orderIdsSharingAPartition(int count) {
        int partitions = Topics.INVENTORY_COMMANDS.partitions();
        String first = newOrderId();
        List<String> orders = new ArrayList<>(List.of(first));
        while (orders.size() < count) {
            String candidate = newOrderId();
            if (BatchSender.partitionOf(candidate, partitions) == BatchSender.partitionOf(first, partitions)) {
                orders.add(candidate);
            }
        }
        return orders;
    }

    /** An order's reservation: its status, refusal and short books, or nothing. */
    public Map<String, Object> reservationRow(String orderId) {
        return database.sql("SELECT status, refusal, short_book_ids FROM reservation WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .fetch()
                .one()
                .block();
    }

    /** on_hand, reserved, version and the returned copies (to stock, damaged) of a book's stock record. */
    public Map<String, Object> stockRow(String bookId) {
        return database.sql("""
                        SELECT on_hand, reserved, version, returned_to_stock, returned_damaged
                          FROM stock_item WHERE book_id = :bookId""").bind("bookId", bookId).fetch().one().block();
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

    /** The {@code ce_type}s appended to the outbox for these record keys, in the order appended. */
    public List<String> outboxTypes(String... keys) {
        return database.sql("SELECT event_type FROM test_outbox_copy WHERE record_key = ANY(:keys) ORDER BY id")
                .bind("keys", keys)
                .map(row -> row.get("event_type", String.class))
                .all()
                .collectList()
                .block();
    }

    /** The JSON payloads appended to the outbox for one record key, in order. */
    public List<String> outboxPayloads(String key) {
        return database.sql("SELECT payload::text AS payload FROM test_outbox_copy WHERE record_key = :key ORDER BY id")
                .bind("key", key)
                .map(row -> row.get("payload", String.class))
                .all()
                .collectList()
                .block();
    }
}
