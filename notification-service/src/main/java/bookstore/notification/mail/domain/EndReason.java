package bookstore.notification.mail.domain;

import java.util.Locale;

/**
 * Why an order ended unfulfilled, as a customer is told it. Order-service's reasons are free text (its own words
 * for a timeout or a customer's cancellation, {@code "payment failed: "} followed by the provider's code,
 * inventory's words for missing stock); this reads them into the few cases a mail words for people.
 */
public enum EndReason {
    /** Inventory could not hold every line. */
    STOCK,
    /** The payment provider declined the charge. */
    PAYMENT_DECLINED,
    /** The provider declined for want of funds. */
    INSUFFICIENT_FUNDS,
    /** The customer did not complete the payment (a QR code or a 3-D Secure step) or a service did not answer in time. */
    TIMEOUT,
    /** The customer cancelled. */
    CUSTOMER,
    /** Anything else. */
    OTHER;

    // order-service's Order: TIMEOUT, PAYMENT_FAILED and CANCELLED_BY_CUSTOMER.
    private static final String TIMED_OUT = "timeout";
    private static final String PAYMENT_FAILED = "payment failed: ";
    private static final String CANCELLED_BY_CUSTOMER = "cancelled by customer";

    /** The reason of an OrderCancelled. */
    public static EndReason ofCancellation(String reason) {
        if (reason == null) {
            return OTHER;
        }
        if (reason.startsWith(PAYMENT_FAILED)) {
            return reason.toLowerCase(Locale.ROOT).contains("insufficient") ? INSUFFICIENT_FUNDS : PAYMENT_DECLINED;
        }
        return switch (reason) {
            case TIMED_OUT -> TIMEOUT;
            case CANCELLED_BY_CUSTOMER -> CUSTOMER;
            default -> OTHER;
        };
    }

    public boolean isPaymentFailure() {
        return this == PAYMENT_DECLINED || this == INSUFFICIENT_FUNDS;
    }
}
