package bookstore.events.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Nothing was reserved, because at least one line could not be.
 *
 * @param shortBookIds the books that were short
 */
public record StockReservationFailed(
        UUID eventId, Instant occurredAt, String orderId, String reason, List<String> shortBookIds)
        implements ReservationEvent {}
