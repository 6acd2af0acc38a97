package bookstore.inventory.stock.messaging;

import bookstore.events.Topics;
import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** Inventory stocks what the catalogue sells: a new book gets a stock record with its initial copies. */
@Configuration(proxyBeanMethods = false)
class CatalogueSubscription {

    @Bean
    EventSubscription<?> stockRecords(OpeningStock opening) {
        return EventSubscription.on(Topics.CATALOG_BOOKS, "stock-records", event -> switch (event) {
            case BookAdded added -> opening.open(added.bookId(), added.initialStock());
            // Descriptions and prices are the catalogue's business.
            case BookUpdated ignored -> Mono.empty();
            case BookPriceChanged ignored -> Mono.empty();
            // Orders stop taking the book; copies still on hand stay counted until they are sold or written off.
            case BookDiscontinued ignored -> Mono.empty();
        });
    }
}
