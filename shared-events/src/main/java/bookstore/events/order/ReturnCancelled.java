package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The return ended before anything came back: the customer withdrew it, or did not send the copies
 * within the time allowed. Nothing is refunded.
 */
public record ReturnCancelled(UUID eventId, Instant occurredAt, String orderId, String returnId, String reason)
        implements OrderEvent {}
