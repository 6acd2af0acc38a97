package bookstore.payment.payments.domain;

/**
 * What the provider says about a charge, synchronously in answer to a call or later through a
 * webhook. Answers may arrive late, twice or out of order; {@link Payment#record} decides which
 * still matter.
 *
 * <p>{@code reference} is the provider's id of the charge (a PaymentIntent id).
 */
public sealed interface ProviderAnswer {

    String reference();

    /**
     * Whether this is the charge's outcome (captured, declined or cancelled), which a payment takes
     * only while it is processing.
     */
    default boolean isOutcome() {
        return this instanceof Succeeded || this instanceof Declined || this instanceof Canceled;
    }

    /**
     * Accepted, and the customer has to act for the provider to take the payment (scan a QR code, go
     * through the provider's page); the outcome follows later, by notification or status check.
     */
    record ActionRequired(String reference, CustomerAction action) implements ProviderAnswer {}

    /** Accepted; the outcome follows later. */
    record Processing(String reference) implements ProviderAnswer {}

    /** Captured. */
    record Succeeded(String reference) implements ProviderAnswer {}

    /** Declined, with the provider's reason (e.g. {@code card_declined}, {@code insufficient_funds}). */
    record Declined(String reference, String reason) implements ProviderAnswer {}

    /** Cancelled before capture. */
    record Canceled(String reference) implements ProviderAnswer {}

    /**
     * The captured amount, or part of it, was given back.
     *
     * @param refundId the saga's id of the partial refund, as the call named it; null for the refund
     *     of all that was left
     */
    record Refunded(String reference, Money amount, String refundId) implements ProviderAnswer {

        /** The refund of all that was left. */
        public Refunded(String reference, Money amount) {
            this(reference, amount, null);
        }
    }

    /**
     * The provider refused a partial refund, with its code (e.g. {@code charge_already_refunded});
     * nothing was given back for it.
     */
    record RefundRefused(String reference, String refundId, String reason) implements ProviderAnswer {}
}
