package bookstore.inventory.reservation.domain;

import bookstore.inventory.stock.domain.Movement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What inventory holds for one order of the saga. Commands may come twice or out of order; the
 * reservation remembers enough to answer each one consistently: a repeated reserve gets the first
 * answer, a release always succeeds and gives back whatever is held, a commit only turns a held
 * reservation into a sale.
 *
 * @param lines what the order asked for (for a rejected order too, for the record)
 * @param refusal why a rejected order was refused; null otherwise
 * @param shortBookIds the books a rejected order was short of
 */
public record Reservation(
        String orderId,
        ReservationStatus status,
        List<ReservationLine> lines,
        Refusal refusal,
        List<String> shortBookIds) {

    public Reservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        shortBookIds = List.copyOf(shortBookIds);
        if ((status == ReservationStatus.REJECTED) != (refusal != null)) {
            throw new IllegalArgumentException("exactly a rejected reservation has a refusal");
        }
        if (lines.isEmpty() && status != ReservationStatus.CANCELLED && !refusedAsCancelled(status, refusal)) {
            throw new IllegalArgumentException("a " + status + " reservation has lines");
        }
    }

    /** The order was released before inventory saw it: remember that, so its reservation is refused. */
    public static Reservation cancelledBeforeReserving(String orderId) {
        return new Reservation(orderId, ReservationStatus.CANCELLED, List.of(), null, List.of());
    }

    /**
     * The late reserve of an order released before inventory saw it: refused because the order was
     * cancelled, and remembered as answered, so the same command again is a repeat.
     */
    public Reservation refusedAsCancelled() {
        if (status != ReservationStatus.CANCELLED) {
            throw new IllegalReservationStateException("order " + orderId + " was not cancelled before reserving");
        }
        return new Reservation(orderId, ReservationStatus.REJECTED, lines, Refusal.ORDER_CANCELLED, List.of());
    }

    private static boolean refusedAsCancelled(ReservationStatus status, Refusal refusal) {
        return status == ReservationStatus.REJECTED && refusal == Refusal.ORDER_CANCELLED;
    }

    /**
     * The answer to a reserve command for an order inventory already knows: empty when the stock is
     * (or was, until paid) set aside for it, otherwise why not.
     */
    public Optional<Refusal> answerToReserve() {
        return switch (status) {
            case RESERVED, COMMITTED -> Optional.empty();
            case REJECTED -> Optional.of(refusal);
            case RELEASED, RETURNED, CANCELLED -> Optional.of(Refusal.ORDER_CANCELLED);
        };
    }

    /** Payment went through: the held copies become a sale. Only a held reservation can be committed. */
    public Transition commit() {
        return switch (status) {
            case RESERVED ->
                new Transition(
                        status,
                        withStatus(ReservationStatus.COMMITTED),
                        lines.stream()
                                .map(line -> Movement.sale(line.bookId(), orderId, line.quantity()))
                                .toList());
            case COMMITTED -> Transition.none(this);
            case REJECTED, RELEASED, RETURNED, CANCELLED ->
                throw new IllegalReservationStateException(
                        "order " + orderId + " cannot be committed: its reservation is " + status);
        };
    }

    /**
     * Give back whatever the order holds: held copies return to available stock, sold copies are
     * restocked. An order holding nothing (rejected, already released) stays as it is.
     */
    public Transition release(String why) {
        return switch (status) {
            case RESERVED ->
                new Transition(
                        status,
                        withStatus(ReservationStatus.RELEASED),
                        lines.stream()
                                .map(line -> Movement.release(line.bookId(), orderId, line.quantity(), why))
                                .toList());
            case COMMITTED ->
                new Transition(
                        status,
                        withStatus(ReservationStatus.RETURNED),
                        lines.stream()
                                .map(line -> Movement.restock(line.bookId(), orderId, line.quantity(), why))
                                .toList());
            case REJECTED, RELEASED, RETURNED, CANCELLED -> Transition.none(this);
        };
    }

    private Reservation withStatus(ReservationStatus next) {
        return new Reservation(orderId, next, lines, null, shortBookIds);
    }
}
