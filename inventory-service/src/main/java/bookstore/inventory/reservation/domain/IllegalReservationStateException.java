package bookstore.inventory.reservation.domain;

/** A saga command that cannot apply to the reservation as it stands, e.g. committing a released one. */
public class IllegalReservationStateException extends RuntimeException {

    public IllegalReservationStateException(String message) {
        super(message);
    }
}
