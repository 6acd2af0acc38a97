package bookstore.inventory.stock.messaging;

import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookEvent;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Inventory stocks what the catalogue sells: a new book gets a stock record with its initial copies.
 * Opening is idempotent by state (a book that has a record keeps it untouched), so the platform keeps
 * no record of handled events for it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueSubscription {

    @Bean
    EventSubscription<?> stockRecords(OpeningStock opening) {
        EventSubscription.Handler<BookEvent> stockWhatIsSold = event -> switch (event) {
            case BookAdded added -> opening.open(added.bookId(), added.initialStock());
            // Descriptions and prices are the catalogue's business.
            case BookUpdated ignored -> Mono.empty();
            case BookPriceChanged ignored -> Mono.empty();
            // Orders stop taking the book; copies on hand stay counted until sold or written off.
            case BookDiscontinued ignored -> Mono.empty();
        };
        return EventSubscription.on(Topics.CATALOG_BOOKS, "stock-records", stockWhatIsSold)
                .withoutDeduplication();
    }
}
