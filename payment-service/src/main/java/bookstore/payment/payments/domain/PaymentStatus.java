package bookstore.payment.payments.domain;

/** Where a payment stands with the provider. */
public enum PaymentStatus {
    /** Accepted from the saga; the provider has not given a final answer yet. */
    PROCESSING,
    /** The provider captured the amount. */
    SUCCEEDED,
    /** The provider declined the charge; nothing was captured. */
    FAILED,
    /** Cancelled before anything was captured. */
    CANCELLED,
    /** Captured, then given back. */
    REFUNDED;

    public boolean isFinal() {
        return this == FAILED || this == CANCELLED || this == REFUNDED;
    }
}
