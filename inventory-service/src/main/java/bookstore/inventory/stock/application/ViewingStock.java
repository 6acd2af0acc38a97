package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.StockRecord;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What admins read: a book's stock, its ledger, and the books running low. */
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

    public Mono<Slice<StockRecord>> runningLow(int page, int size) {
        return records.runningLow((long) page * size, size)
                .collectList()
                .zipWith(records.countRunningLow(), Slice::new);
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
