package bookstore.catalog.book.messaging;

import bookstore.catalog.book.application.CountingSales;
import bookstore.catalog.book.application.UpdatingAvailability;
import bookstore.events.Topics;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.SaleRecorded;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * What the catalogue learns from other services: from inventory whether a book is in stock, from
 * order-service how many copies of it sold, for the bestselling order.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueSubscriptions {

    @Bean
    EventSubscription<?> bookAvailability(UpdatingAvailability availability) {
        return EventSubscription.on(Topics.INVENTORY_STOCK, "book-availability", event -> switch (event) {
                    case StockLevelChanged changed -> availability.on(changed);
                    // Low stock is a signal for buyers and operators, not for shoppers.
                    case LowStockDetected ignored -> Mono.empty();
                })
                // The stock version decides (an old or repeated fact changes nothing): one conditional
                // update per fact, without a processed-event record to look up and write.
                .withoutDeduplication();
    }

    @Bean
    EventSubscription<?> bookSales(CountingSales sales) {
        return EventSubscription.on(Topics.SALES_EVENTS, "book-sales", event -> switch (event) {
                    case SaleRecorded sale -> sales.on(sale);
                })
                // The book remembers the sales it counted, so a repeated fact changes nothing.
                .withoutDeduplication();
    }
}
