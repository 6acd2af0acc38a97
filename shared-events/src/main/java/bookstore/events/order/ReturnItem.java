package bookstore.events.order;

import java.util.Objects;

/** Copies of one book of an order that a customer sends back. */
public record ReturnItem(String bookId, int quantity) {

    public ReturnItem {
        Objects.requireNonNull(bookId, "bookId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
