package bookstore.events.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Nothing was reserved, because at least one line could not be, or because the order was cancelled
 * before inventory saw its reservation.
 *
 * @param reason why, one of the reasons below
 * @param shortBookIds the books that were short (empty when the order was cancelled)
 */
public record StockReservationFailed(
        UUID eventId, Instant occurredAt, String orderId, String reason, List<String> shortBookIds)
        implements ReservationEvent {

    /** At least one line asked for more copies than were available (or for a book inventory does not stock). */
    public static final String INSUFFICIENT_STOCK = "insufficient stock";

    /** A ReleaseStock for the order came first: the order is cancelled, so nothing is reserved for it. */
    public static final String ORDER_CANCELLED = "order cancelled";
}
