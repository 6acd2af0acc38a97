package bookstore.order.ordering.domain;

/**
 * What an order's change asks of the world: a command to inventory or payment, or an announcement
 * of a new status. The application turns each into a message, committed with the change.
 */
public sealed interface Effect {

    /** Hold the order's lines in stock. */
    record ReserveStock() implements Effect {}

    /** Charge the order's total with its payment method. */
    record ChargePayment() implements Effect {}

    /** Ask the payment provider for a fresh way for the customer to pay (a new QR code). */
    record RenewPaymentAction() implements Effect {}

    /** The reserved stock is sold. */
    record CommitStock() implements Effect {}

    /** Give back whatever stock the order holds, reserved or sold. */
    record ReleaseStock(String reason) implements Effect {}

    /** Give back whatever was charged for the order. */
    record RefundPayment(String reason) implements Effect {}

    record Placed() implements Effect {}

    /** Also one sale per line. */
    record Confirmed() implements Effect {}

    record Rejected(String reason) implements Effect {}

    record Cancelled(String reason) implements Effect {}

    record Shipped() implements Effect {}

    /** The carrier reported the order on its way for the first time. */
    record InTransit() implements Effect {}

    record Delivered() implements Effect {}

    /** @param automatic whether the receipt window ran out rather than the customer confirming */
    record Received(boolean automatic) implements Effect {}

    /** A customer asked to return copies. */
    record ReturnRequested(String returnId) implements Effect {}

    /** @param automatic whether the shop's decision time ran out rather than an admin approving */
    record ReturnApproved(String returnId, boolean automatic) implements Effect {}

    record ReturnRejected(String returnId) implements Effect {}

    /** Withdrawn by the customer, or not sent back in time. */
    record ReturnCancelled(String returnId) implements Effect {}

    record ReturnSentBack(String returnId) implements Effect {}

    /**
     * The return's copies count as back: their sales are corrected.
     *
     * @param inspected whether an admin recorded them and what inspection found, rather than the
     *     receipt time running out
     */
    record ReturnReceived(String returnId, boolean inspected) implements Effect {}

    /** Take a received return's copies into stock. */
    record RestockReturn(String returnId) implements Effect {}

    /** Give back a partial refund's amount. */
    record RefundAmount(String refundId) implements Effect {}

    /** Payment gave back a partial refund. */
    record Refunded(String refundId) implements Effect {}

    record ReturnCompleted(String returnId) implements Effect {}
}
