package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Isbn;

public class DuplicateIsbnException extends RuntimeException {

    public DuplicateIsbnException(Isbn isbn) {
        super("another book already has ISBN " + isbn);
    }
}
