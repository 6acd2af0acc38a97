package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookId;

/** Someone stored another version of the book since the caller read it. */
public class StaleBookException extends RuntimeException {

    public StaleBookException(BookId id, long expectedVersion) {
        super("book " + id + " is no longer at version " + expectedVersion);
    }
}
