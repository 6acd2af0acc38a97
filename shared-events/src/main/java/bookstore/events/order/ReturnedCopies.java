package bookstore.events.order;

import java.util.Objects;

/**
 * Copies of one book that came back, as the shop's inspection found them.
 *
 * @param resalable copies that go back on the shelf
 * @param damaged copies that cannot be sold again and are written off
 */
public record ReturnedCopies(String bookId, int resalable, int damaged) {

    public ReturnedCopies {
        Objects.requireNonNull(bookId, "bookId");
        if (resalable < 0 || damaged < 0 || resalable + damaged < 1) {
            throw new IllegalArgumentException("at least one copy comes back, and no count is negative");
        }
    }
}
