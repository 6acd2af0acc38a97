package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.BookId;
import bookstore.events.inventory.StockLevelChanged;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps the catalogue's copy of each book's stock current from inventory's facts, a batch at a time:
 * of a batch's facts about one book only the newest matters, and all books are written with one
 * bulk write. Facts may arrive twice or late; the stock version decides, so applying one is
 * idempotent and an old one never overwrites a newer one. The search index follows the same facts
 * on its own (every replica's index reads inventory's topic), so storing them here announces nothing.
 */
@Service
public class UpdatingAvailability {

    private final Books books;

    UpdatingAvailability(Books books) {
        this.books = books;
    }

    public Mono<Void> on(List<StockLevelChanged> facts) {
        return books.updateAvailability(newestPerBook(facts));
    }

    /** The newest figure of each book the facts are about. */
    public static Map<BookId, Availability> newestPerBook(List<StockLevelChanged> facts) {
        Map<BookId, Availability> newest = new HashMap<>();
        for (StockLevelChanged fact : facts) {
            newest.merge(
                    new BookId(UUID.fromString(fact.bookId())),
                    new Availability(Math.max(fact.available(), 0), fact.version()),
                    (known, candidate) -> known.isOlderThan(candidate.version()) ? candidate : known);
        }
        return newest;
    }
}
