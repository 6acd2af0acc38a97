package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.Reservation;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where each order's reservation is kept. */
public interface Reservations {

    /**
     * Reads the reservations of these orders and keeps them locked until the current transaction
     * ends; orders inventory keeps none for are left out.
     */
    Flux<Reservation> lockAll(Collection<String> orderIds);

    /**
     * Stores what a batch did: the reservations of orders that had none, and the new status of
     * reservations it locked.
     */
    Mono<Void> save(List<Reservation> added, List<Reservation> changed);
}
