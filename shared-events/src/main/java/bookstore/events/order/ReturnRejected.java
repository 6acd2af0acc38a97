package bookstore.events.order;

import java.time.Instant;
import java.util.UUID;

/** The shop refused the return; it ends here and nothing is refunded. */
public record ReturnRejected(UUID eventId, Instant occurredAt, String orderId, String returnId, String reason)
        implements OrderEvent {}
