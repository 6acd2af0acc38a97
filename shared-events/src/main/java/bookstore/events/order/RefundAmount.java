package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Give back part of what an order was charged: the lines of a return, or an amount an admin refunds
 * without one (a damaged copy the customer keeps). Each refund has its own id; payment refunds each
 * id once, through the provider that took the money, and answers {@code AmountRefunded} or {@code
 * RefundRefused}.
 *
 * @param refundId the refund's id, unique per order; the same id again is the same refund
 * @param amount what to give back, positive and at most what is still captured
 * @param reason why, for the record
 */
public record RefundAmount(
        UUID eventId, Instant occurredAt, String orderId, String refundId, Money amount, String reason)
        implements PaymentCommand {

    public RefundAmount {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }
}
