package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.StockRecord;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What admins read: a book's stock, its ledger, and listings of stock (all of it, or the books running low). */
@Service
public class ViewingStock {

    private final StockRecords records;
    private final MovementLedger ledger;

    ViewingStock(StockRecords records, MovementLedger ledger) {
        this.records = records;
        this.ledger = ledger;
    }

    public Mono<StockRecord> stockOf(String bookId) {
        return records.find(bookId).switchIfEmpty(Mono.error(() -> new StockNotFoundException(bookId)));
    }

    /** One page of the stock records the query selects. */
    public Mono<Slice<StockRecord>> list(StockQuery query, int page, int size) {
        return records.list(query, (long) page * size, size).collectList().zipWith(records.count(query), Slice::new);
    }

    /** A book's ledger, newest first; an unknown book is not found rather than an empty ledger. */
    public Mono<Slice<RecordedMovement>> movementsOf(String bookId, int page, int size) {
        return stockOf(bookId)
                .then(ledger.of(bookId, (long) page * size, size).collectList())
                .zipWith(ledger.countOf(bookId), Slice::new);
    }

    public Mono<RecordedMovement> movement(String bookId, long movementId) {
        return ledger.find(bookId, movementId)
                .switchIfEmpty(Mono.error(() -> new MovementNotFoundException(movementId)));
    }
}
