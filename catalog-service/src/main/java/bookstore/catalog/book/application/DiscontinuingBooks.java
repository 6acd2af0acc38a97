package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** An admin takes a book out of the catalogue. It stays readable by id, for old orders and links. */
@Service
public class DiscontinuingBooks {

    private final Books books;
    private final List<BookStoredListener> listeners;
    private final Clock clock;

    DiscontinuingBooks(Books books, List<BookStoredListener> listeners, Clock clock) {
        this.books = books;
        this.listeners = listeners;
        this.clock = clock;
    }

    public Mono<Book> discontinue(BookId id, long expectedVersion) {
        return BookVersions.load(books, id, expectedVersion)
                .doOnNext(book -> book.discontinue(clock.instant()))
                .flatMap(book -> books.update(book, CatalogueEvents.of(book)))
                .flatMap(stored -> Stored.announce(stored, listeners));
    }
}
