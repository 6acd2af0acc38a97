package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * The shop agreed to take the copies back; the customer may send them.
 *
 * @param automatic whether the shop let its decision time pass (the return counts as approved)
 */
public record ReturnApproved(UUID eventId, Instant occurredAt, String orderId, String returnId, boolean automatic)
        implements OrderEvent {}
