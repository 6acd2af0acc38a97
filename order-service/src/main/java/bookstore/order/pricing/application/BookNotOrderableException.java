package bookstore.order.pricing.application;

/** A cart or an order asked for a book the catalogue does not offer (unknown, discontinued, unpriced). */
public class BookNotOrderableException extends RuntimeException {

    private final String bookId;

    BookNotOrderableException(String bookId, String message) {
        super(message);
        this.bookId = bookId;
    }

    public String bookId() {
        return bookId;
    }
}
