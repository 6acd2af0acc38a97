package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.Movement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records a stocktake (盘点): the counted copies become the quantity on hand and the variance against
 * the recorded quantity goes into the ledger.
 */
@Service
public class TakingStock {

    private final StockLedger ledger;
    private final TransactionalOperator transactions;

    TakingStock(StockLedger ledger, TransactionalOperator transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public Mono<RecordedMovement> count(String bookId, int counted, String note) {
        // The record stays locked from reading the recorded quantity to writing the count, so a
        // reservation in between cannot make the variance wrong.
        return transactions.transactional(
                ledger.post(bookId, recorded -> Movement.stocktake(bookId, recorded, counted, note)));
    }
}
