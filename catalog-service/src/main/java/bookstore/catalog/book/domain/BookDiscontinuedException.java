package bookstore.catalog.book.domain;

/** A discontinued book cannot be changed any more. */
public class BookDiscontinuedException extends IllegalStateException {

    public BookDiscontinuedException(BookId id) {
        super("book " + id + " is discontinued");
    }
}
