package bookstore.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider declined the charge, or it could not be made.
 *
 * @param reason a provider decline code such as {@code card_declined} or {@code insufficient_funds}
 */
public record PaymentFailed(UUID eventId, Instant occurredAt, String orderId, String reason) implements PaymentEvent {}
