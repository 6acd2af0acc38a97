package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.AdjustmentReason;
import bookstore.inventory.stock.domain.Movement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Corrects stock on hand for a coded reason: damaged, lost or returned-to-supplier copies go out,
 * found ones come back. Copies promised to orders cannot be adjusted away.
 */
@Service
public class AdjustingStock {

    private final StockLedger ledger;
    private final TransactionalOperator transactions;

    AdjustingStock(StockLedger ledger, TransactionalOperator transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public Mono<RecordedMovement> adjust(String bookId, AdjustmentReason reason, int change, String note) {
        return Mono.fromSupplier(() -> Movement.adjustment(bookId, reason, change, note))
                .flatMap(adjustment -> transactions.transactional(ledger.post(adjustment)));
    }
}
