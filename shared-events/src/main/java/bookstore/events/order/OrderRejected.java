package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/** The order could not be accepted (e.g. stock was short); nothing was charged. */
public record OrderRejected(UUID eventId, Instant occurredAt, String orderId, String reason) implements OrderEvent {}
