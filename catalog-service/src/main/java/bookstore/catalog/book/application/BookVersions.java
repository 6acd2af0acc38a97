package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import reactor.core.publisher.Mono;

/** Loads the book a caller means to change, at the version the caller saw. */
final class BookVersions {

    private BookVersions() {}

    static Mono<Book> load(Books books, BookId id, long expectedVersion) {
        return books.findById(id)
                .switchIfEmpty(Mono.error(() -> new BookNotFoundException(id)))
                .flatMap(book -> book.version() == expectedVersion
                        ? Mono.just(book)
                        : Mono.error(new StaleBookException(id, expectedVersion)));
    }
}
