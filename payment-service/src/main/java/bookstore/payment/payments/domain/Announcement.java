package bookstore.payment.payments.domain;

import java.util.UUID;

/** What the order saga must be told about an order's payment. */
public sealed interface Announcement {

    String orderId();

    /** The order is paid. */
    record Charged(String orderId, UUID paymentId, Money amount) implements Announcement {}

    /** The order could not be paid, and nothing was captured. */
    record ChargeFailed(String orderId, String reason) implements Announcement {}

    /** What was captured for the order is given back; zero when nothing had been captured. */
    record Refunded(String orderId, Money amount) implements Announcement {}
}
