package bookstore.inventory.reservation.domain;

/** Why inventory would not reserve an order. */
public enum Refusal {
    /** At least one line asked for more copies than were available, or for a book not stocked. */
    INSUFFICIENT_STOCK,
    /** The order was already released, so nothing may be set aside for it any more. */
    ORDER_CANCELLED
}
