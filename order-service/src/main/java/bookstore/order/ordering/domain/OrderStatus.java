package bookstore.order.ordering.domain;

import java.util.Set;

/**
 * Where an order is in its life. PENDING while the saga reserves stock and takes payment, or
 * AWAITING_PAYMENT while the payment provider waits for the customer (a QR code to scan, the
 * provider's page to go through); then CONFIRMED, or REJECTED (stock was short, nothing was held), or CANCELLED (compensated: stock
 * released, payment refunded). A confirmed order is SHIPPED, IN_TRANSIT once the carrier reports it
 * moving, DELIVERED when the carrier (or an admin) says it arrived, and RECEIVED when the customer
 * confirms receipt or has let the receipt window pass.
 */
public enum OrderStatus {
    PENDING,
    AWAITING_PAYMENT,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    SHIPPED,
    IN_TRANSIT,
    DELIVERED,
    RECEIVED;

    /** Whether the saga is still under way: the order waits for stock or payment. */
    public boolean inSaga() {
        return this == PENDING || this == AWAITING_PAYMENT;
    }

    /** The statuses this one may move to. */
    Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(AWAITING_PAYMENT, CONFIRMED, REJECTED, CANCELLED);
            case AWAITING_PAYMENT -> Set.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> Set.of(SHIPPED, CANCELLED);
            case SHIPPED -> Set.of(IN_TRANSIT, DELIVERED);
            case IN_TRANSIT -> Set.of(DELIVERED);
            case DELIVERED -> Set.of(RECEIVED);
            case REJECTED, CANCELLED, RECEIVED -> Set.of();
        };
    }
}
