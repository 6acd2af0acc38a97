package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/** The order was cancelled (payment declined, timed out, or by the customer); it was compensated. */
public record OrderCancelled(UUID eventId, Instant occurredAt, String orderId, String reason) implements OrderEvent {}
