package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.Reservation;
import bookstore.inventory.reservation.domain.Transition;
import bookstore.inventory.stock.application.StockLedger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Applies a reservation's transition: its stock movements through the ledger, then its new state. */
@Component
class CarryingOut {

    private final StockLedger ledger;
    private final Reservations reservations;

    CarryingOut(StockLedger ledger, Reservations reservations) {
        this.ledger = ledger;
        this.reservations = reservations;
    }

    Mono<Reservation> transition(Transition transition) {
        Mono<Void> stored = transition.changesState() ? reservations.changeStatus(transition.next()) : Mono.empty();
        return Flux.fromIterable(transition.movements())
                .concatMap(ledger::post)
                .then(stored)
                .thenReturn(transition.next());
    }
}
