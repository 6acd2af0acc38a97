package bookstore.inventory.reservation.application;

import bookstore.inventory.reservation.domain.Reservation;
import reactor.core.publisher.Mono;

/** Where each order's reservation is kept. */
public interface Reservations {

    /** Reads an order's reservation and keeps it locked until the current transaction ends. */
    Mono<Reservation> lock(String orderId);

    /** Stores a reservation for an order that has none; fails if the order already has one. */
    Mono<Void> add(Reservation reservation);

    Mono<Void> changeStatus(Reservation reservation);
}
