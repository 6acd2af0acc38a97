package bookstore.events.inventory;

import java.time.Instant;
import java.util.UUID;

/** The order's reservation was given back to available stock. */
public record StockReleased(UUID eventId, Instant occurredAt, String orderId) implements ReservationEvent {}
