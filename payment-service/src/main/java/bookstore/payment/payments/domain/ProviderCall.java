package bookstore.payment.payments.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a payment needs the provider to do next. Calls that move money carry an idempotency key
 * derived from the payment, so repeating a call (after a timeout, a crash or a race) never charges
 * or refunds twice: the provider answers a repeated key with the first call's result.
 */
public sealed interface ProviderCall {

    /**
     * Create and confirm a charge for the payment. Made again under the same key, it is answered
     * with the first call's result; for a payment the customer completes that is still waiting, the
     * provider's current way to complete it (a fresh QR code).
     *
     * @param payBy until when the order waits for the payment: a trade the customer completes
     *     expires at the provider then; null when the saga did not say
     */
    record Charge(
            UUID paymentId, String orderId, Money amount, String paymentMethod, String idempotencyKey, Instant payBy)
            implements ProviderCall {}

    /** Ask how a charge that was accepted but not yet confirmed stands. */
    record CheckStatus(UUID paymentId, String reference) implements ProviderCall {}

    /** Cancel a charge before it is captured. */
    record Cancel(UUID paymentId, String reference) implements ProviderCall {}

    /**
     * Give back a captured amount: all that is left of it, or one partial refund.
     *
     * @param refundId the saga's id of the partial refund this is; null for the refund of all that is left
     */
    record Refund(UUID paymentId, String reference, Money amount, String idempotencyKey, String refundId)
            implements ProviderCall {

        /** The refund of all that is left of the payment. */
        public Refund(UUID paymentId, String reference, Money amount, String idempotencyKey) {
            this(paymentId, reference, amount, idempotencyKey, null);
        }
    }
}
