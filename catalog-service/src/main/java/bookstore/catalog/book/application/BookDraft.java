package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookDetails;
import bookstore.catalog.book.domain.Isbn;
import bookstore.catalog.book.domain.Money;
import java.util.Objects;

/** Everything an admin states about a book when adding or replacing it; checked on construction. */
public record BookDraft(Isbn isbn, BookDetails details, Money price) {

    public BookDraft {
        Objects.requireNonNull(isbn, "isbn");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(price, "price");
    }
}
