package bookstore.catalog.recommendation.application;

import bookstore.events.analytics.RecommendationEvent;
import bookstore.events.analytics.RecommendationsComputed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps analytics' latest recommendations per subject, a batch of records with one write. Idempotent by state: a
 * subject keeps the record computed last, so a redelivery, a replay of the compacted topic or an older record that
 * arrives after a newer one changes nothing.
 */
@Service
public class StoringRecommendations {

    private final RecommendationStore store;

    StoringRecommendations(RecommendationStore store) {
        this.store = store;
    }

    public Mono<Void> on(List<? extends RecommendationEvent> events) {
        Map<String, Recommendations> latest = new LinkedHashMap<>();
        for (RecommendationEvent event : events) {
            switch (event) {
                case RecommendationsComputed computed -> {
                    Recommendations incoming = Recommendations.of(computed);
                    latest.merge(incoming.subject(), incoming, (held, newer) -> newer.isNewerThan(held) ? newer : held);
                }
            }
        }
        return store.keepLatest(latest.values());
    }
}
