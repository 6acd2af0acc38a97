package bookstore.inventory.reservation.domain;

import bookstore.inventory.stock.domain.Movement;
import java.util.List;

/**
 * What a saga command does to a reservation: its next state and the stock movements that carry it
 * out. A repeated command yields a transition that changes nothing.
 */
public record Transition(ReservationStatus from, Reservation next, List<Movement> movements) {

    public Transition {
        movements = List.copyOf(movements);
    }

    static Transition none(Reservation unchanged) {
        return new Transition(unchanged.status(), unchanged, List.of());
    }

    public boolean changesState() {
        return from != next.status();
    }
}
