package bookstore.order.ordering.domain;

/**
 * Why an order ended unfulfilled, in a few kinds: the reasons themselves are free text (inventory's, the
 * payment provider's), too many to count by.
 */
public enum EndReason {
    STOCK,
    PAYMENT_DECLINED,
    TIMEOUT,
    CUSTOMER,
    OTHER;

    /** The kind of a rejection or cancellation; null for any other effect. */
    public static EndReason of(Effect effect) {
        return switch (effect) {
            // Only inventory rejects an order: it could not hold every line.
            case Effect.Rejected rejected -> STOCK;
            case Effect.Cancelled cancelled -> ofCancellation(cancelled.reason());
            default -> null;
        };
    }

    private static EndReason ofCancellation(String reason) {
        if (reason == null) {
            return OTHER;
        }
        if (reason.startsWith(Order.PAYMENT_FAILED)) {
            return PAYMENT_DECLINED;
        }
        return switch (reason) {
            case Order.TIMEOUT -> TIMEOUT;
            // Closing the account is the customer's (or an admin's for them) decision too.
            case Order.CANCELLED_BY_CUSTOMER, Order.ACCOUNT_CLOSED -> CUSTOMER;
            default -> OTHER;
        };
    }
}
