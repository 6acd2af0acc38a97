package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import bookstore.events.catalog.BookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
     * Records inventory's latest stock figure of each book, unless the catalogue already has the same
     * or a newer version of it, with one write for all of them.
     */
    Mono<Void> updateAvailability(Map<BookId, Availability> latest);

    /**
     * Adds the units of each sale to its book's count (a return's units take copies away, never below
     * zero), once per sale and in the order given, with one write for all of them.
     */
    Mono<Void> countSales(List<Sale> sales);

    /**
     * The books of these sales, each with its sales in its count: as stored where the count has a
     * sale already, otherwise with the sale counted (in the order given), for a reader that learns of
     * sales before they are counted. Books that do not exist are left out.
     */
    Flux<Book> findWithSales(Map<BookId, List<Sale>> salesByBook);

    /**
     * Hands out the next revision of the book's rating, for a tally about to be taken: a tally taken after this call
     * sees every review written before it. Empty if there is no such book.
     */
    Mono<Long> nextRatingRevision(BookId id);

    /** Stores a tally of the book's reviews unless the book holds the same or a newer revision; true if stored. */
    Mono<Boolean> storeRating(BookId id, Rating rating, Instant now);

    /** The ratings stored at or after a moment, of whichever books they are, for read models of other replicas. */
    Mono<Map<BookId, Rating>> ratingsChangedSince(Instant since);
}
