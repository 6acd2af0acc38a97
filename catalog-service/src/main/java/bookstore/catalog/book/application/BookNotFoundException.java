package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookId;

public class BookNotFoundException extends RuntimeException {

    public BookNotFoundException(BookId id) {
        super("no book " + id);
    }
}
