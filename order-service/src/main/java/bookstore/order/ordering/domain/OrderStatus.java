package bookstore.order.ordering.domain;

import java.util.Set;

/**
 * Where an order is in its life. PENDING while the saga reserves stock and takes payment; then
 * CONFIRMED (and on to SHIPPED and DELIVERED), or REJECTED (stock was short, nothing was held), or
 * CANCELLED (compensated: stock released, payment refunded).
 */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    SHIPPED,
    DELIVERED;

    /** The statuses this one may move to. */
    Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(CONFIRMED, REJECTED, CANCELLED);
            case CONFIRMED -> Set.of(SHIPPED, CANCELLED);
            case SHIPPED -> Set.of(DELIVERED);
            case REJECTED, CANCELLED, DELIVERED -> Set.of();
        };
    }
}
