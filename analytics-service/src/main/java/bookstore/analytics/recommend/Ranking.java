package bookstore.analytics.recommend;

import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The one order every list is published in: best score first, then the larger support (the score that rests on more
 * orders), then the book id, so equal inputs always give the same list and an unchanged list compares equal.
 */
final class Ranking {

    static final Comparator<RecommendedBook> BEST_FIRST = Comparator.comparingDouble(RecommendedBook::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(RecommendedBook::support).reversed())
            .thenComparing(RecommendedBook::bookId);

    /** Scores are published to four decimals: finer differences are noise, and would republish unchanged lists. */
    private static final double PRECISION = 10_000d;

    private Ranking() {}

    /** The best {@code limit} of the candidates, their scores rounded as published. */
    static List<RecommendedBook> top(Collection<RecommendedBook> candidates, int limit) {
        return candidates.stream()
                .map(book -> new RecommendedBook(book.bookId(), rounded(book.score()), book.support()))
                .sorted(BEST_FIRST)
                .limit(limit)
                .toList();
    }

    static double rounded(double score) {
        return Math.round(score * PRECISION) / PRECISION;
    }
}
