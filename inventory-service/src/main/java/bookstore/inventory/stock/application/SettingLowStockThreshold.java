package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.StockRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sets the level at which a book counts as running low. Raising it above the available copies
 * alerts at once, as a sale crossing it would.
 */
@Service
public class SettingLowStockThreshold {

    private final StockRecords records;
    private final StockEvents events;
    private final TransactionalOperator transactions;

    SettingLowStockThreshold(StockRecords records, StockEvents events, TransactionalOperator transactions) {
        this.records = records;
        this.events = events;
        this.transactions = transactions;
    }

    public Mono<StockRecord> set(String bookId, LowStockThreshold threshold) {
        return transactions.transactional(records.lock(bookId)
                .switchIfEmpty(Mono.error(() -> new StockNotFoundException(bookId)))
                .flatMap(record -> {
                    StockRecord changed = record.withThreshold(threshold);
                    Mono<Void> saved = records.changeThreshold(bookId, threshold);
                    return (record.becomesLowWith(threshold) ? saved.then(events.runningLow(changed)) : saved)
                            .thenReturn(changed);
                }));
    }
}
