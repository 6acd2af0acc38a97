package bookstore.inventory.reservation.application;

import bookstore.events.Topics;
import bookstore.events.inventory.ReservationEvent;
import bookstore.events.inventory.ReturnRestocked;
import bookstore.events.inventory.StockCommitted;
import bookstore.events.inventory.StockReleased;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.inventory.reservation.domain.Refusal;
import bookstore.inventory.reservation.domain.Reservation;
import bookstore.platform.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Inventory's answers to the order saga, through the outbox of the current transaction. */
@Component
class ReservationReplies {

    private final Outbox outbox;
    private final Clock clock;

    ReservationReplies(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Answers a reserve command from what the reservation says now. */
    Mono<Void> toReserve(Reservation reservation) {
        return reservation
                .answerToReserve()
                .map(refusal -> reply(new StockReservationFailed(
                        UUID.randomUUID(),
                        clock.instant(),
                        reservation.orderId(),
                        reason(refusal),
                        refusal == Refusal.INSUFFICIENT_STOCK ? reservation.shortBookIds() : List.of())))
                .orElseGet(() -> reply(new StockReserved(UUID.randomUUID(), clock.instant(), reservation.orderId())));
    }

    Mono<Void> released(String orderId) {
        return reply(new StockReleased(UUID.randomUUID(), clock.instant(), orderId));
    }

    Mono<Void> committed(String orderId) {
        return reply(new StockCommitted(UUID.randomUUID(), clock.instant(), orderId));
    }

    Mono<Void> restocked(String orderId, String returnId) {
        return reply(new ReturnRestocked(UUID.randomUUID(), clock.instant(), orderId, returnId));
    }

    private Mono<Void> reply(ReservationEvent event) {
        return outbox.append(Topics.INVENTORY_RESERVATIONS, event);
    }

    private static String reason(Refusal refusal) {
        return switch (refusal) {
            case INSUFFICIENT_STOCK -> StockReservationFailed.INSUFFICIENT_STOCK;
            case ORDER_CANCELLED -> StockReservationFailed.ORDER_CANCELLED;
        };
    }
}
