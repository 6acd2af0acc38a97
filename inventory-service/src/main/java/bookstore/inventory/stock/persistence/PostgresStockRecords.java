package bookstore.inventory.stock.persistence;

import bookstore.inventory.stock.application.StockQuery;
import bookstore.inventory.stock.application.StockRecords;
import bookstore.inventory.stock.domain.CustomerReturns;
import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.StockLevel;
import bookstore.inventory.stock.domain.StockRecord;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PostgresStockRecords implements StockRecords {

    private static final String COLUMNS =
            "book_id, on_hand, reserved, low_stock_threshold, version, returned_to_stock, returned_damaged";

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

    @Override
    public Mono<Void> openAll(Collection<String> bookIds, LowStockThreshold threshold) {
        if (bookIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        INSERT INTO stock_item (book_id, low_stock_threshold)
                        SELECT book_id, :threshold FROM unnest(CAST(:bookIds AS TEXT[])) AS book (book_id)
                         ORDER BY book_id
                        ON CONFLICT (book_id) DO NOTHING
                        """)
                .bind("bookIds", bookIds.toArray(String[]::new))
                .bind("threshold", threshold.copies())
                .then();
    }

    /**
     * Sorted before they are locked, so every transaction takes the locks of the books it shares with
     * another in the same order.
     */
    @Override
    public Flux<StockRecord> lockAll(Collection<String> bookIds) {
        if (bookIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT " + COLUMNS
                        + " FROM stock_item WHERE book_id = ANY(:bookIds) ORDER BY book_id FOR UPDATE")
                .bind("bookIds", bookIds.toArray(String[]::new))
                .map(PostgresStockRecords::record)
                .all();
    }

    @Override
    public Mono<StockRecord> lock(String bookId) {
        return lockAll(List.of(bookId)).singleOrEmpty();
    }

    /**
     * One statement for every changed book. The levels were checked in memory against the locked
     * rows; the table's constraints still refuse a level that would oversell.
     */
    @Override
    public Mono<Void> update(List<StockRecord> changed) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        UPDATE stock_item
                           SET on_hand = changed.on_hand, reserved = changed.reserved, version = changed.version,
                               returned_to_stock = changed.returned_to_stock, returned_damaged = changed.returned_damaged
                          FROM unnest(CAST(:bookIds AS TEXT[]), CAST(:onHand AS INTEGER[]),
                                      CAST(:reserved AS INTEGER[]), CAST(:versions AS BIGINT[]),
                                      CAST(:returnedToStock AS INTEGER[]), CAST(:returnedDamaged AS INTEGER[]))
                               AS changed (book_id, on_hand, reserved, version, returned_to_stock, returned_damaged)
                         WHERE stock_item.book_id = changed.book_id
                        """)
                .bind("bookIds", changed.stream().map(StockRecord::bookId).toArray(String[]::new))
                .bind(
                        "onHand",
                        changed.stream().map(record -> record.level().onHand()).toArray(Integer[]::new))
                .bind(
                        "reserved",
                        changed.stream()
                                .map(record -> record.level().reserved())
                                .toArray(Integer[]::new))
                .bind("versions", changed.stream().map(StockRecord::version).toArray(Long[]::new))
                .bind(
                        "returnedToStock",
                        changed.stream()
                                .map(record -> record.returns().toStock())
                                .toArray(Integer[]::new))
                .bind(
                        "returnedDamaged",
                        changed.stream()
                                .map(record -> record.returns().damaged())
                                .toArray(Integer[]::new))
                .then();
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
                row.get("version", Long.class),
                new CustomerReturns(
                        row.get("returned_to_stock", Integer.class), row.get("returned_damaged", Integer.class)));
    }
}
