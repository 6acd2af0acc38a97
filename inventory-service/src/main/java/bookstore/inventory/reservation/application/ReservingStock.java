package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.ReservationRequest;
import bookstore.inventory.stock.application.StockLedger;
import bookstore.inventory.stock.application.StockNotFoundException;
import bookstore.inventory.stock.domain.InsufficientStockException;
import bookstore.inventory.stock.domain.Movement;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sets an order's lines aside, all or nothing, and answers the saga with StockReserved or
 * StockReservationFailed. An order inventory already knows gets the answer it got before (or
 * "order cancelled" if it was released meanwhile), and its stock is not touched again.
 */
@Service
public class ReservingStock {

    private final Reservations reservations;
    private final StockLedger ledger;
    private final ReservationReplies replies;
    private final TransactionalOperator transactions;
    private final TransactionalOperator savepoint;

    ReservingStock(
            Reservations reservations,
            StockLedger ledger,
            ReservationReplies replies,
            TransactionalOperator transactions,
            ReactiveTransactionManager transactionManager) {
        this.reservations = reservations;
        this.ledger = ledger;
        this.replies = replies;
        this.transactions = transactions;
        this.savepoint = TransactionalOperator.create(
                transactionManager, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    }

    public Mono<Reservation> reserve(ReservationRequest request) {
        return transactions.transactional(reservations
                .lock(request.orderId())
                .flatMap(known -> replies.toReserve(known).thenReturn(known))
                .switchIfEmpty(Mono.defer(() -> reserveNew(request))));
    }

    /**
     * Each line is one conditional update, all inside a savepoint: if any line is short, rolling back
     * to the savepoint undoes the lines already held (their ledger entries and events included), and
     * the refusal is recorded in the same transaction instead.
     */
    private Mono<Reservation> reserveNew(ReservationRequest request) {
        return savepoint
                .transactional(holdEveryLine(request.holds()))
                .thenReturn(request.granted())
                .onErrorResume(ShortStock.class, shortage -> Mono.just(request.refused(shortage.bookIds)))
                .flatMap(reservation -> reservations
                        .add(reservation)
                        .then(replies.toReserve(reservation))
                        .thenReturn(reservation));
    }

    /** Tries every line, so a refusal names all the short books, not just the first. */
    private Mono<Void> holdEveryLine(List<Movement> holds) {
        return Flux.fromIterable(holds)
                .concatMap(hold -> ledger.post(hold)
                        .then(Mono.<String>empty())
                        .onErrorResume(InsufficientStockException.class, e -> Mono.just(hold.bookId()))
                        .onErrorResume(StockNotFoundException.class, e -> Mono.just(hold.bookId())))
                .collectList()
                .flatMap(shortBooks -> shortBooks.isEmpty() ? Mono.empty() : Mono.error(new ShortStock(shortBooks)));
    }

    /** Ends the savepoint with a rollback; never leaves this class. */
    private static final class ShortStock extends RuntimeException {

        private final List<String> bookIds;

        ShortStock(List<String> bookIds) {
            super(null, null, false, false);
            this.bookIds = bookIds;
        }
    }
}
