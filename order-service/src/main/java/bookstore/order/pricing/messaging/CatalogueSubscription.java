package bookstore.order.pricing.messaging;

import bookstore.events.Topics;
import bookstore.events.catalog.BookEvent;
import bookstore.order.pricing.application.UpdatingPrices;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Carts and checkout price books from the catalogue's own announcements, never from the client. */
@Configuration(proxyBeanMethods = false)
class CatalogueSubscription {

    @Bean
    EventSubscription<BookEvent> bookPrices(UpdatingPrices prices) {
        // Each event of a book overwrites what the one before said, in order: a repeat changes nothing.
        return EventSubscription.on(Topics.CATALOG_BOOKS, "book-prices", prices::apply)
                .withoutDeduplication();
    }
}
