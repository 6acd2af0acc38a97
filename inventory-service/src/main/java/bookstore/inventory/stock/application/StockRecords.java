package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where each book's stock record is kept. */
public interface StockRecords {

    /** Opens an empty record for a book; emits false if the book already has one. */
    Mono<Boolean> open(String bookId, LowStockThreshold threshold);

    /**
     * Applies a movement atomically and raises the record's version, only if the result keeps
     * available stock at zero or above; emits the changed record, or nothing if the book is unknown
     * or the movement would oversell. Concurrent movements of one book queue on its record.
     */
    Mono<StockRecord> apply(Movement movement);

    /** Reads a record and keeps it locked until the current transaction ends. */
    Mono<StockRecord> lock(String bookId);

    Mono<StockRecord> find(String bookId);

    Mono<Void> changeThreshold(String bookId, LowStockThreshold threshold);

    /** The records the query selects, in its order. */
    Flux<StockRecord> list(StockQuery query, long offset, int limit);

    /** How many records the query selects. */
    Mono<Long> count(StockQuery query);
}
