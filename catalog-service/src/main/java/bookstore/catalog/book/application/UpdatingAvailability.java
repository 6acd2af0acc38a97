package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.events.inventory.StockLevelChanged;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the catalogue's copy of each book's stock current from inventory's facts. Facts may arrive
 * twice or late; the stock version decides, so applying one is idempotent and an old one never
 * overwrites a newer one. The search index follows the same facts on its own (every replica's index
 * reads inventory's topic), so storing them here announces nothing.
 */
@Service
public class UpdatingAvailability {

    private final Books books;

    UpdatingAvailability(Books books) {
        this.books = books;
    }

    public Mono<Void> on(StockLevelChanged event) {
        BookId id = new BookId(UUID.fromString(event.bookId()));
        return books.updateAvailability(id, Math.max(event.available(), 0), event.version())
                .then();
    }
}
