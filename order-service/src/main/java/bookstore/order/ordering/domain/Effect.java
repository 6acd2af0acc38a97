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
}
