package bookstore.notification.directory.messaging;

import bookstore.events.Topics;
import bookstore.notification.directory.application.KeepingTheDirectory;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Book titles for the lines of order mails and for low-stock alerts. Keeping a title is idempotent by state (the
 * newer of two records wins), so the platform keeps no record of handled events for it.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueSubscription {

    @Bean
    EventSubscription<?> bookTitles(KeepingTheDirectory directory) {
        return EventSubscription.on(Topics.CATALOG_BOOKS, "book-titles", directory::on)
                .withoutDeduplication();
    }
}
