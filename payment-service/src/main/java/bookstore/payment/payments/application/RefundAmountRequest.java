package bookstore.payment.payments.application;

import java.util.Objects;
import java.util.UUID;

/**
 * The saga asks to give back part of what an order was charged: the lines of a return, or what an
 * admin refunds without one. Each refund has the saga's {@code refundId}; the same id again is the
 * same refund.
 *
 * @param amount what to give back, in minor units as the saga sent it; a payment refuses anything
 *     but a positive amount in its currency
 * @param reason why, for the record
 */
public record RefundAmountRequest(
        UUID requestId, String orderId, String refundId, long amount, String currency, String reason)
        implements PaymentRequest {

    /** Refund ids become part of the provider's idempotency key, which Stripe caps at 255 characters. */
    static final int MAX_REFUND_ID = 200;

    public RefundAmountRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(currency, "currency");
        if (refundId.isBlank() || refundId.length() > MAX_REFUND_ID) {
            throw new IllegalArgumentException("a refund id is 1 to " + MAX_REFUND_ID + " characters");
        }
    }
}
