package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.Reservation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Gives back whatever an order holds and answers StockReleased, in every case: held copies become
 * available again, sold ones are restocked, and an order inventory has not seen yet is remembered
 * as cancelled so its late reservation is refused.
 */
@Service
public class ReleasingStock {

    private final Reservations reservations;
    private final CarryingOut carryingOut;
    private final ReservationReplies replies;
    private final TransactionalOperator transactions;

    ReleasingStock(
            Reservations reservations,
            CarryingOut carryingOut,
            ReservationReplies replies,
            TransactionalOperator transactions) {
        this.reservations = reservations;
        this.carryingOut = carryingOut;
        this.replies = replies;
        this.transactions = transactions;
    }

    public Mono<Reservation> release(String orderId, String why) {
        return transactions.transactional(reservations
                .lock(orderId)
                .flatMap(known -> carryingOut.transition(known.release(why)))
                .switchIfEmpty(Mono.defer(() -> {
                    Reservation cancelled = Reservation.cancelledBeforeReserving(orderId);
                    return reservations.add(cancelled).thenReturn(cancelled);
                }))
                .flatMap(released -> replies.released(orderId).thenReturn(released)));
    }
}
