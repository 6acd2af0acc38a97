package bookstore.inventory.stock.domain;

import java.util.Locale;

/** A change would leave a book with fewer than zero available copies: stock is never oversold. */
public class InsufficientStockException extends RuntimeException {

    private final String bookId;

    public InsufficientStockException(String bookId, String message) {
        super(message);
        this.bookId = bookId;
    }

    /** A movement that needs more available copies than the level has. */
    public static InsufficientStockException refusing(Movement movement, StockLevel level) {
        return new InsufficientStockException(
                movement.bookId(),
                "Book " + movement.bookId() + " has " + level.available() + " copies available; this "
                        + movement.kind().name().toLowerCase(Locale.ROOT) + " needs " + -movement.availableChange()
                        + ".");
    }

    public String bookId() {
        return bookId;
    }
}
