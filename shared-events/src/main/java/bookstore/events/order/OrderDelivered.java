package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/** The customer received the order. */
public record OrderDelivered(UUID eventId, Instant occurredAt, String orderId) implements OrderEvent {}
