package bookstore.order.ordering.domain;

import bookstore.order.pricing.domain.Money;
import java.util.Objects;

/**
 * Copies of one of the order's lines that a return sends back.
 *
 * @param resalable copies inspection found fit to sell again; null until the return is received
 * @param damaged copies inspection wrote off; null until the return is received
 */
public record ReturnLine(
        String bookId, String title, int quantity, Money unitPrice, Integer resalable, Integer damaged) {

    public ReturnLine {
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new InvalidOrderException("a return sends back at least one copy of each book it names");
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }

    ReturnLine inspected(int resalable, int damaged) {
        return new ReturnLine(bookId, title, quantity, unitPrice, resalable, damaged);
    }
}
