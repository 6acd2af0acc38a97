package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.Movement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Opens a book's stock record when the catalogue adds the book, with the copies it came with. */
@Service
public class OpeningStock {

    private final StockRecords records;
    private final StockLedger ledger;
    private final LowStockThreshold defaultThreshold;
    private final TransactionalOperator transactions;

    OpeningStock(
            StockRecords records, StockLedger ledger, StockProperties properties, TransactionalOperator transactions) {
        this.records = records;
        this.ledger = ledger;
        this.defaultThreshold = properties.defaultThreshold();
        this.transactions = transactions;
    }

    /** Opens the record once; a book that already has one keeps it untouched. */
    public Mono<Void> open(String bookId, int initialStock) {
        Movement opening = Movement.opening(bookId, initialStock);
        return transactions.transactional(records.open(bookId, defaultThreshold)
                .filter(opened -> opened)
                .flatMap(opened -> ledger.post(opening))
                .then());
    }
}
