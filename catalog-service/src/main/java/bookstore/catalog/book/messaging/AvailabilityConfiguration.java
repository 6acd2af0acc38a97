package bookstore.catalog.book.messaging;

import bookstore.catalog.book.application.UpdatingAvailability;
import bookstore.events.Topics;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** The catalogue listens to inventory to show whether a book is in stock. */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

    @Bean
    EventSubscription<?> bookAvailability(UpdatingAvailability availability) {
        return EventSubscription.on(Topics.INVENTORY_STOCK, "book-availability", event -> switch (event) {
            case StockLevelChanged changed -> availability.on(changed);
            // Low stock is a signal for buyers and operators, not for shoppers.
            case LowStockDetected ignored -> Mono.empty();
        });
    }
}
