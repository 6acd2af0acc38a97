package bookstore.inventory.stock.application;

/** Inventory has no stock record for the book: the catalogue never announced it. */
public class StockNotFoundException extends RuntimeException {

    private final String bookId;

    public StockNotFoundException(String bookId) {
        super("Inventory has no stock record for book " + bookId + ".");
        this.bookId = bookId;
    }

    public String bookId() {
        return bookId;
    }
}
