package bookstore.events.inventory;

import java.time.Instant;
import java.util.UUID;

/** Every line of the order is reserved. */
public record StockReserved(UUID eventId, Instant occurredAt, String orderId) implements ReservationEvent {}
