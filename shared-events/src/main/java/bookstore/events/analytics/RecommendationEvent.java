package bookstore.events.analytics;

import bookstore.events.IntegrationEvent;

/** What analytics recommends, on {@code analytics.recommendations.v1}, keyed by subject and compacted. */
public sealed interface RecommendationEvent extends IntegrationEvent permits RecommendationsComputed {

    String subject();

    @Override
    default String aggregateId() {
        return subject();
    }
}
