package bookstore.order.ordering.domain;

import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    /** An order id as clients and other services write it; null if it is not one. */
    public static OrderId parseOrNull(String text) {
        try {
            return new OrderId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
