package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.IllegalReservationStateException;
import bookstore.inventory.reservation.domain.Reservation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Turns a paid order's reservation into a sale and answers StockCommitted; a repeated commit answers
 * again without moving stock. Committing an order that holds nothing is a saga error: it fails, so
 * the command ends on the dead-letter topic for an operator rather than vanishing.
 */
@Service
public class CommittingStock {

    private final Reservations reservations;
    private final CarryingOut carryingOut;
    private final ReservationReplies replies;
    private final TransactionalOperator transactions;

    CommittingStock(
            Reservations reservations,
            CarryingOut carryingOut,
            ReservationReplies replies,
            TransactionalOperator transactions) {
        this.reservations = reservations;
        this.carryingOut = carryingOut;
        this.replies = replies;
        this.transactions = transactions;
    }

    public Mono<Reservation> commit(String orderId) {
        return transactions.transactional(reservations
                .lock(orderId)
                .switchIfEmpty(Mono.error(() -> new IllegalReservationStateException(
                        "order " + orderId + " cannot be committed: inventory holds no reservation for it")))
                .flatMap(known -> carryingOut.transition(known.commit()))
                .flatMap(committed -> replies.committed(orderId).thenReturn(committed)));
    }
}
