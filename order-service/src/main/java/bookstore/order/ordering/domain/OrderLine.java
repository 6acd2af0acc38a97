package bookstore.order.ordering.domain;

import bookstore.order.pricing.domain.Money;
import java.util.Objects;

/**
 * So many copies of a book at the unit price the catalogue asked when the order was placed.
 *
 * @param title the book's title at that time, for the customer's order history
 */
public record OrderLine(String bookId, String title, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > Order.MAX_QUANTITY) {
            throw new InvalidOrderException("a line orders between 1 and " + Order.MAX_QUANTITY + " copies");
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
