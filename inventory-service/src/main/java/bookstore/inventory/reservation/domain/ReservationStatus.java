package bookstore.inventory.reservation.domain;

/** Where an order's reservation stands. */
public enum ReservationStatus {
    /** Every line is set aside; the order is waiting for payment. */
    RESERVED,
    /** Nothing was set aside, because a line was short. */
    REJECTED,
    /** Paid: the reserved copies left stock as a sale. */
    COMMITTED,
    /** Given back before payment (payment failed, timeout, cancel). */
    RELEASED,
    /** Given back after it was sold (cancelled or returned after confirmation): restocked. */
    RETURNED,
    /** The order was released before its reservation arrived; a late reservation is refused. */
    CANCELLED
}
