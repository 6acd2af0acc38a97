package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/** The order left the warehouse. */
public record OrderShipped(UUID eventId, Instant occurredAt, String orderId, String carrier, String trackingNumber)
        implements OrderEvent {}
