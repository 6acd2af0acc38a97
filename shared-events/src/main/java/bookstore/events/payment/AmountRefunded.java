package bookstore.events.payment;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The provider gave back the amount a {@code RefundAmount} asked for.
 *
 * @param refundId the refund's id, as the command named it
 * @param amount what was given back by this refund
 * @param totalRefunded what the order's payment has given back so far, this refund included
 */
public record AmountRefunded(
        UUID eventId, Instant occurredAt, String orderId, String refundId, Money amount, Money totalRefunded)
        implements PaymentEvent {}
