package bookstore.inventory.stock.persistence;

import bookstore.inventory.stock.application.StockQuery;
import bookstore.inventory.stock.application.StockRecords;
import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockLevel;
import bookstore.inventory.stock.domain.StockRecord;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PostgresStockRecords implements StockRecords {

    private static final String COLUMNS = "book_id, on_hand, reserved, low_stock_threshold, version";

    private final DatabaseClient database;

    PostgresStockRecords(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> open(String bookId, LowStockThreshold threshold) {
        return database.sql("""
                        INSERT INTO stock_item (book_id, low_stock_threshold) VALUES (:bookId, :threshold)
                        ON CONFLICT (book_id) DO NOTHING
                        """)
                .bind("bookId", bookId)
                .bind("threshold", threshold.copies())
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    /**
     * The no-oversell rule of {@link StockLevel#after} as one statement: the row lock orders concurrent
     * movements of a book, and each re-checks the condition against the level the one before it
     * committed, so however many orders race for the last copy, exactly as many as there are copies
     * get one.
     */
    @Override
    public Mono<StockRecord> apply(Movement movement) {
        return database.sql("""
                        UPDATE stock_item
                           SET on_hand = on_hand + :onHandChange,
                               reserved = reserved + :reservedChange,
                               version = version + 1
                         WHERE book_id = :bookId
                           AND reserved + :reservedChange >= 0
                           AND on_hand + :onHandChange >= reserved + :reservedChange
                        RETURNING\s""" + COLUMNS)
                .bind("bookId", movement.bookId())
                .bind("onHandChange", movement.onHandChange())
                .bind("reservedChange", movement.reservedChange())
                .map(PostgresStockRecords::record)
                .one();
    }

    @Override
    public Mono<StockRecord> lock(String bookId) {
        return database.sql("SELECT " + COLUMNS + " FROM stock_item WHERE book_id = :bookId FOR UPDATE")
                .bind("bookId", bookId)
                .map(PostgresStockRecords::record)
                .one();
    }

    @Override
    public Mono<StockRecord> find(String bookId) {
        return database.sql("SELECT " + COLUMNS + " FROM stock_item WHERE book_id = :bookId")
                .bind("bookId", bookId)
                .map(PostgresStockRecords::record)
                .one();
    }

    @Override
    public Mono<Void> changeThreshold(String bookId, LowStockThreshold threshold) {
        return database.sql("UPDATE stock_item SET low_stock_threshold = :threshold WHERE book_id = :bookId")
                .bind("bookId", bookId)
                .bind("threshold", threshold.copies())
                .then();
    }

    @Override
    public Flux<StockRecord> list(StockQuery query, long offset, int limit) {
        String order =
                switch (query.order()) {
                    case BOOK_ID -> "book_id";
                    case AVAILABLE -> "on_hand - reserved, book_id";
                };
        return bind(
                        database.sql("SELECT " + COLUMNS + " FROM stock_item" + where(query) + " ORDER BY " + order
                                + " LIMIT :limit OFFSET :offset"),
                        query)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(PostgresStockRecords::record)
                .all();
    }

    @Override
    public Mono<Long> count(StockQuery query) {
        return bind(database.sql("SELECT count(*) FROM stock_item" + where(query)), query)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** The query's filters as a WHERE clause whose only parameters are bound by {@link #bind}. */
    private static String where(StockQuery query) {
        List<String> conditions = new ArrayList<>();
        if (query.runningLowOnly()) {
            conditions.add("on_hand - reserved - low_stock_threshold <= 0");
        }
        if (!query.bookIds().isEmpty()) {
            conditions.add("book_id = ANY(:bookIds)");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec statement, StockQuery query) {
        return query.bookIds().isEmpty()
                ? statement
                : statement.bind("bookIds", query.bookIds().toArray(String[]::new));
    }

    private static StockRecord record(Readable row) {
        return new StockRecord(
                row.get("book_id", String.class),
                new StockLevel(row.get("on_hand", Integer.class), row.get("reserved", Integer.class)),
                new LowStockThreshold(row.get("low_stock_threshold", Integer.class)),
                row.get("version", Long.class));
    }
}
