package bookstore.order.ordering.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's status history.
 *
 * @param reason why, for a rejected or cancelled order; otherwise null
 */
public record StatusChange(OrderStatus status, Instant at, String reason) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
