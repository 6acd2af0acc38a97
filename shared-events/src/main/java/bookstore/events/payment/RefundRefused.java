package bookstore.events.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code RefundAmount} could not be carried out, and nothing was given back for it.
 *
 * @param refundId the refund's id, as the command named it
 * @param reason e.g. {@code nothing_captured}, {@code exceeds_captured}, or the provider's refusal
 *     code
 */
public record RefundRefused(UUID eventId, Instant occurredAt, String orderId, String refundId, String reason)
        implements PaymentEvent {}
