package bookstore.order.cart.domain;

import java.util.Objects;

/** So many copies of one book in a cart. */
public record CartLine(String bookId, int quantity) {

    public CartLine {
        Objects.requireNonNull(bookId, "bookId");
        if (quantity < 1) {
            throw new IllegalArgumentException("a cart line holds at least one copy");
        }
    }
}
