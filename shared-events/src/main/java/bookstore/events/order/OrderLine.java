package bookstore.events.order;

import bookstore.events.Money;
import java.util.Objects;

/** One line of an order: a book, how many, and the unit price the customer agreed to. */
public record OrderLine(String bookId, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}
