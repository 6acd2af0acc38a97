package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** An admin adds a book to the catalogue; inventory hears of it (and its initial stock) by BookAdded. */
@Service
public class AddingBooks {

    private final Books books;
    private final List<BookStoredListener> listeners;
    private final Clock clock;

    AddingBooks(Books books, List<BookStoredListener> listeners, Clock clock) {
        this.books = books;
        this.listeners = listeners;
        this.clock = clock;
    }

    public Mono<Book> add(BookDraft draft, int initialStock) {
        return Mono.fromCallable(() -> Book.add(
                        BookId.generate(), draft.isbn(), draft.details(), draft.price(), initialStock, clock.instant()))
                .flatMap(book -> books.add(book, CatalogueEvents.of(book)))
                .flatMap(stored -> Stored.announce(stored, listeners));
    }
}
