package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.Movement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Books copies that arrived from a supplier into stock on hand (入库). */
@Service
public class ReceivingStock {

    private final StockLedger ledger;
    private final TransactionalOperator transactions;

    ReceivingStock(StockLedger ledger, TransactionalOperator transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public Mono<RecordedMovement> receive(String bookId, int quantity, String note) {
        return Mono.fromSupplier(() -> Movement.receipt(bookId, quantity, note))
                .flatMap(receipt -> transactions.transactional(ledger.post(receipt)));
    }
}
