package bookstore.payment.payments.domain;

import java.util.UUID;

/**
 * What a payment's change tells the order saga. The application turns each into an event on the
 * saga's payment topic, committed with the change.
 */
public sealed interface Effect {

    String orderId();

    /** The order is paid. */
    record Charged(String orderId, UUID paymentId, Money amount) implements Effect {}

    /** The customer has to complete the payment with the provider; the outcome follows. */
    record ActionRequired(String orderId, UUID paymentId, String provider, CustomerAction action) implements Effect {}

    /** The order could not be paid, and nothing was captured. */
    record ChargeFailed(String orderId, String reason) implements Effect {}

    /**
     * What was captured for the order is given back; zero when nothing had been captured.
     *
     * @param amount all the payment gave back, partial refunds before included
     */
    record Refunded(String orderId, Money amount) implements Effect {}

    /**
     * A partial refund was given back.
     *
     * @param totalRefunded all the payment has given back so far, this refund included
     */
    record AmountRefunded(String orderId, String refundId, Money amount, Money totalRefunded) implements Effect {}

    /**
     * A partial refund was refused, by the payment (nothing captured, or not that much) or by the
     * provider; nothing was given back for it.
     */
    record RefundRefused(String orderId, String refundId, String reason) implements Effect {}
}
