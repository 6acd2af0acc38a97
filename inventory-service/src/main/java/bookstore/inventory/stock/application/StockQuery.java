package bookstore.inventory.stock.application;

import java.util.List;
import java.util.Objects;

/**
 * Which stock records a listing shows, and in which order.
 *
 * @param runningLowOnly only books at or below their low-stock threshold
 * @param bookIds only these books; empty for every book
 * @param order the listing's order
 */
public record StockQuery(boolean runningLowOnly, List<String> bookIds, Order order) {

    /** The most books one listing may name, as many as fit on the largest page. */
    public static final int MAX_BOOK_IDS = 100;

    public enum Order {
        /** By book id: a stable order for reading the whole shop page by page. */
        BOOK_ID,
        /** Fewest available copies first, then by book id: what needs restocking first. */
        AVAILABLE
    }

    public StockQuery {
        bookIds = List.copyOf(bookIds);
        Objects.requireNonNull(order, "order");
        if (bookIds.size() > MAX_BOOK_IDS) {
            throw new IllegalArgumentException("At most " + MAX_BOOK_IDS + " book ids per listing");
        }
    }

    /** The low-stock list: books at or below their threshold, fewest available first. */
    public static StockQuery runningLow() {
        return new StockQuery(true, List.of(), Order.AVAILABLE);
    }
}
