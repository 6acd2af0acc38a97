package bookstore.analytics.recommend;

import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Which books are bought with a book: its co-purchased books scored by {@link Similarity#cosine}, those that share
 * fewer than {@code minSupport} orders with it left out, best first. The streams and the offline evaluation both
 * call this.
 */
final class BoughtTogether {

    private final int minSupport;
    private final int listSize;

    BoughtTogether(int minSupport, int listSize) {
        this.minSupport = minSupport;
        this.listSize = listSize;
    }

    /**
     * @param orders the orders holding the book
     * @param together for each other book, the orders holding both
     * @param ordersOf the orders holding another book
     * @param recommendable whether a book may be recommended at all (not discontinued)
     * @return the neighbours, with the shared orders as their support
     */
    List<RecommendedBook> neighbours(
            long orders, Map<String, Long> together, ToLongFunction<String> ordersOf, Predicate<String> recommendable) {
        List<RecommendedBook> candidates = new ArrayList<>();
        together.forEach((other, both) -> {
            if (both >= minSupport && recommendable.test(other)) {
                double score = Similarity.cosine(both, orders, ordersOf.applyAsLong(other));
                if (score > 0) {
                    candidates.add(new RecommendedBook(other, score, both));
                }
            }
        });
        return Ranking.top(candidates, listSize);
    }
}
