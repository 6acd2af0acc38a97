package bookstore.analytics.recommend;

import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A customer's picks from what they bought (item-based collaborative filtering): every book bought with one of
 * theirs scores the sum of its similarities to their books, so a book close to several of them ranks above one close
 * to a single one; what they bought is left out. When that gives fewer than a list, the bestsellers of their
 * favourite categories fill it, after every pick (score 0, their copies sold as support). The streams and the
 * offline evaluation both call this.
 */
final class PersonalPicks {

    /** How many of a customer's categories the padding draws from. */
    static final int FAVOURITE_CATEGORIES = 3;

    private final int listSize;

    PersonalPicks(int listSize) {
        this.listSize = listSize;
    }

    /**
     * @param purchased the books the customer bought
     * @param neighboursOf a book's bought-together list
     * @param bestsellers the bestseller lists of the customer's favourite categories, favourite first
     * @param recommendable whether a book may be recommended at all (not discontinued)
     * @return the picks, with the summed supports of the neighbours they came from
     */
    List<RecommendedBook> picks(
            Collection<String> purchased,
            Function<String, List<RecommendedBook>> neighboursOf,
            List<List<RecommendedBook>> bestsellers,
            Predicate<String> recommendable) {
        Set<String> bought = new HashSet<>(purchased);
        Map<String, double[]> scores = new HashMap<>();
        for (String book : bought) {
            for (RecommendedBook neighbour : neighboursOf.apply(book)) {
                if (!bought.contains(neighbour.bookId()) && recommendable.test(neighbour.bookId())) {
                    double[] sum = scores.computeIfAbsent(neighbour.bookId(), id -> new double[2]);
                    sum[0] += neighbour.score();
                    sum[1] += neighbour.support();
                }
            }
        }
        List<RecommendedBook> candidates = new ArrayList<>(scores.size());
        scores.forEach((book, sum) -> candidates.add(new RecommendedBook(book, sum[0], (long) sum[1])));
        List<RecommendedBook> picks = new ArrayList<>(Ranking.top(candidates, listSize));
        Set<String> taken = new HashSet<>(bought);
        picks.forEach(pick -> taken.add(pick.bookId()));
        for (List<RecommendedBook> list : bestsellers) {
            for (RecommendedBook seller : list) {
                if (picks.size() == listSize) {
                    return List.copyOf(picks);
                }
                if (recommendable.test(seller.bookId()) && taken.add(seller.bookId())) {
                    picks.add(new RecommendedBook(seller.bookId(), 0, seller.support()));
                }
            }
        }
        return List.copyOf(picks);
    }

    /** The categories the customer bought most books in, most first (ties by name). */
    static List<String> favouriteCategories(Collection<String> purchased, Function<String, String> categoryOf) {
        Map<String, Integer> counts = new HashMap<>();
        new LinkedHashSet<>(purchased).forEach(book -> counts.merge(categoryOf.apply(book), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(FAVOURITE_CATEGORIES)
                .map(Map.Entry::getKey)
                .toList();
    }
}
