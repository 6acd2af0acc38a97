package bookstore.events.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * Inventory took a return's copies in: the resalable ones are on hand again (a RETURN movement),
 * the damaged ones are written off (a DAMAGED movement).
 */
public record ReturnRestocked(UUID eventId, Instant occurredAt, String orderId, String returnId)
        implements ReservationEvent {}
