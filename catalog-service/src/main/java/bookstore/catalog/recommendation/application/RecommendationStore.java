package bookstore.catalog.recommendation.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Where the catalogue keeps analytics' recommendations: one record per subject, the latest computed. */
public interface RecommendationStore {

    /**
     * Stores each record unless its subject holds one computed at the same moment or later, with one write for all
     * of them, so a redelivery, a replay or an older record arriving late changes nothing.
     */
    Mono<Void> keepLatest(Collection<Recommendations> records);

    /** Deletes the records of these subjects. */
    Mono<Void> forget(Collection<String> subjects);

    /** The records of those subjects that have one, by subject. */
    Mono<Map<String, Recommendations>> find(Collection<String> subjects);

    /** Every record whose subject starts with this prefix (letters and a colon), such as every category's. */
    Mono<List<Recommendations>> findStartingWith(String prefix);
}
