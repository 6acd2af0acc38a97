package bookstore.catalog.erasure.application;

import bookstore.catalog.recommendation.application.RecommendationStore;
import bookstore.catalog.recommendation.application.Recommendations;
import bookstore.catalog.review.application.Reviews;
import bookstore.catalog.review.application.VerifiedPurchases;
import bookstore.platform.privacy.CustomerPseudonym;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Erases readers whose accounts were closed from what the catalogue keeps about them, all of it under their
 * pseudonym (the catalogue never holds account ids, ADR 13): their reviews keep the stars and lose the text and the
 * pseudonym, their helpful votes stay counted without it, their verified purchases and personal picks go. Each step
 * finds nothing left to change the second time, so a batch retried in part, redelivered or replayed changes nothing
 * more (see catalog-service/README.md, "Closed accounts").
 */
@Service
public class ErasingReaders {

    private final CustomerPseudonym pseudonym;
    private final Reviews reviews;
    private final VerifiedPurchases purchases;
    private final RecommendationStore recommendations;

    ErasingReaders(
            CustomerPseudonym pseudonym,
            Reviews reviews,
            VerifiedPurchases purchases,
            RecommendationStore recommendations) {
        this.pseudonym = pseudonym;
        this.reviews = reviews;
        this.purchases = purchases;
        this.recommendations = recommendations;
    }

    /** @param accountIds the closed accounts, as user-service names them */
    public Mono<Void> accountsClosed(Collection<String> accountIds) {
        List<String> readers = accountIds.stream().distinct().map(pseudonym::of).toList();
        if (readers.isEmpty()) {
            return Mono.empty();
        }
        return reviews.forgetAuthors(readers)
                .then(purchases.forget(readers))
                .then(recommendations.forget(
                        readers.stream().map(Recommendations::ofCustomer).toList()));
    }
}
