package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.events.inventory.StockLevelChanged;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the catalogue's copy of each book's stock current from inventory's facts. Facts may arrive
 * twice or late; the stock version decides, so applying one is idempotent and an old one never
 * overwrites a newer one.
 */
@Service
public class UpdatingAvailability {

    private final Books books;
    private final List<BookStoredListener> listeners;

    UpdatingAvailability(Books books, List<BookStoredListener> listeners) {
        this.books = books;
        this.listeners = listeners;
    }

    public Mono<Void> on(StockLevelChanged event) {
        BookId id = new BookId(UUID.fromString(event.bookId()));
        return Stored.announceIfChanged(
                books.updateAvailability(id, Math.max(event.available(), 0), event.version()), id, books, listeners);
    }
}
