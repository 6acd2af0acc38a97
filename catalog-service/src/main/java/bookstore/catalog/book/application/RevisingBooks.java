package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookId;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * An admin replaces or patches a book. The caller names the version it edited; if the book moved on
 * since, nothing is written and the caller has to look again, so two admins never silently overwrite
 * each other.
 */
@Service
public class RevisingBooks {

    private final Books books;
    private final List<BookStoredListener> listeners;
    private final Clock clock;

    RevisingBooks(Books books, List<BookStoredListener> listeners, Clock clock) {
        this.books = books;
        this.listeners = listeners;
        this.clock = clock;
    }

    public Mono<Book> replace(BookId id, long expectedVersion, BookDraft draft) {
        return revise(id, expectedVersion, current -> draft);
    }

    /** Applies a change computed from the current book (a merge patch) to that same version. */
    public Mono<Book> revise(BookId id, long expectedVersion, Function<Book, BookDraft> change) {
        return BookVersions.load(books, id, expectedVersion)
                .flatMap(book -> Mono.fromCallable(() -> {
                    BookDraft draft = change.apply(book);
                    book.revise(draft.isbn(), draft.details(), clock.instant());
                    book.reprice(draft.price(), clock.instant());
                    return book;
                }))
                .flatMap(book -> book.changes().isEmpty()
                        ? Mono.just(book)
                        : books.update(book, CatalogueEvents.of(book))
                                .flatMap(stored -> Stored.announce(stored, listeners)));
    }
}
