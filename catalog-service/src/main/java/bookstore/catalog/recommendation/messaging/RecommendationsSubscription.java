package bookstore.catalog.recommendation.messaging;

import bookstore.catalog.recommendation.application.StoringRecommendations;
import bookstore.events.Topics;
import bookstore.events.analytics.RecommendationEvent;
import bookstore.platform.messaging.Delivered;
import bookstore.platform.messaging.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue learns from analytics: the latest recommendations per book, customer and category, which it
 * serves with the books they name. Each poll's records are written with one bulk write, idempotent by the time each
 * was computed, so no record of handled events is kept.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationsSubscription {

    @Bean
    EventSubscription<RecommendationEvent> recommendations(StoringRecommendations storing) {
        return EventSubscription.onBatch(
                Topics.RECOMMENDATIONS, "recommendations", batch -> storing.on(Delivered.events(batch)));
    }
}
