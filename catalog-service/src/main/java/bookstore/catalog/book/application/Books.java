package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.events.catalog.BookEvent;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where books are kept. Every write stores the book together with the events that report it, in one
 * atomic write, so an event exists exactly when its change does.
 */
public interface Books {

    Mono<Book> findById(BookId id);

    /** Every book, active or not, in no particular order. */
    Flux<Book> findAll();

    Mono<Long> count();

    /** One page of the books a query matches, discontinued ones too, most recently updated first, then by id. */
    Mono<CataloguePage> list(CatalogueQuery query);

    /** Stores a new book; fails with {@link DuplicateIsbnException} if its ISBN is taken. */
    Mono<Book> add(Book book, List<BookEvent> events);

    /**
     * Stores a changed book if it is still at the version it was read at; fails with {@link
     * StaleBookException} otherwise. Returns the book at its new version.
     */
    Mono<Book> update(Book book, List<BookEvent> events);

    /**
     * Records inventory's latest stock figure for a book, unless the catalogue already has the same
     * or a newer version of it. Tells whether it changed anything.
     */
    Mono<Boolean> updateAvailability(BookId id, int available, long stockVersion);

    /**
     * Adds the units of a sale to the book's count, once per sale. Tells whether it added them now:
     * false if this sale was counted before, or the book is unknown.
     */
    Mono<Boolean> countSale(BookId id, UUID saleId, int units);

    /**
     * The book with a sale in its units sold: as stored if the count has the sale already, otherwise
     * with the sale's units added, for a reader that learns of the sale before it is counted.
     */
    Mono<Book> findWithSale(BookId id, UUID saleId, int units);
}
