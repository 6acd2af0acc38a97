package bookstore.catalog.book.messaging;

import bookstore.catalog.book.application.CountingSales;
import bookstore.catalog.book.application.UpdatingAvailability;
import bookstore.events.Topics;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.StockEvent;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.SalesEvent;
import bookstore.platform.messaging.Delivered;
import bookstore.platform.messaging.EventSubscription;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue learns from other services: from inventory whether a book is in stock, from
 * order-service how many copies of it sold (less those returned), for the bestselling order. Each
 * poll's facts are written with one bulk write; both writes are idempotent by the book's state (the
 * stock version, the sales and returns it counted), so no record of handled events is kept.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueSubscriptions {

    @Bean
    EventSubscription<StockEvent> bookAvailability(UpdatingAvailability availability) {
        return EventSubscription.onBatch(
                Topics.INVENTORY_STOCK,
                "book-availability",
                batch -> availability.on(Delivered.events(batch).stream()
                        .flatMap(event -> switch (event) {
                            case StockLevelChanged changed -> Stream.of(changed);
                            // Low stock is a signal for buyers and operators, not for shoppers.
                            case LowStockDetected ignored -> Stream.<StockLevelChanged>empty();
                        })
                        .toList()));
    }

    @Bean
    EventSubscription<SalesEvent> bookSales(CountingSales sales) {
        return EventSubscription.onBatch(Topics.SALES_EVENTS, "book-sales", batch -> sales.on(Delivered.events(batch)));
    }
}
