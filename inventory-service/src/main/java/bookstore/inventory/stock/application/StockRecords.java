package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.StockRecord;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where each book's stock record is kept. */
public interface StockRecords {

    /** Opens an empty record for a book; emits false if the book already has one. */
    Mono<Boolean> open(String bookId, LowStockThreshold threshold);

    /**
     * Opens an empty record, with this threshold, for each of these books that has none; books that
     * have one keep it untouched.
     */
    Mono<Void> openAll(Collection<String> bookIds, LowStockThreshold threshold);

    /**
     * Reads the records of these books and keeps them locked until the current transaction ends. They
     * are locked in book id order, whoever asks: two transactions that need the same books wait for
     * each other instead of deadlocking. Unknown books are left out.
     */
    Flux<StockRecord> lockAll(Collection<String> bookIds);

    /** Reads a record and keeps it locked until the current transaction ends. */
    Mono<StockRecord> lock(String bookId);

    /** Stores the level and version of records changed in the current transaction, which locked them. */
    Mono<Void> update(List<StockRecord> changed);

    Mono<StockRecord> find(String bookId);

    Mono<Void> changeThreshold(String bookId, LowStockThreshold threshold);

    /** The records the query selects, in its order. */
    Flux<StockRecord> list(StockQuery query, long offset, int limit);

    /** How many records the query selects. */
    Mono<Long> count(StockQuery query);
}
