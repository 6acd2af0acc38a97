package bookstore.catalog.review.messaging;

import bookstore.catalog.review.application.RecordingPurchases;
import bookstore.events.Topics;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderEvent;
import bookstore.platform.messaging.Delivered;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue learns from the order lifecycle: which customers received which books, the verified buyers who
 * may review them. Of the order events only deliveries matter here; the rest of the lifecycle is order-service's.
 * Idempotent by state (one purchase per customer and book), so no record of handled events is kept.
 */
@Configuration(proxyBeanMethods = false)
class OrderDeliveriesSubscription {

    @Bean
    EventSubscription<OrderEvent> verifiedBuyers(RecordingPurchases purchases) {
        return EventSubscription.onBatch(
                Topics.ORDER_EVENTS,
                "verified-buyers",
                batch -> purchases.on(Delivered.events(batch).stream()
                        // Not a switch: the lifecycle grows (shipping, receipt, returns) without concerning reviews.
                        .filter(OrderDelivered.class::isInstance)
                        .map(OrderDelivered.class::cast)
                        .toList()));
    }
}
