package bookstore.events.inventory;

import java.time.Instant;
import java.util.UUID;

/** The order's reservation became a sale: the books left on hand stock. */
public record StockCommitted(UUID eventId, Instant occurredAt, String orderId) implements ReservationEvent {}
