package bookstore.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Similarity, ranking, bought together and personal picks: the plain classes the streams and the evaluation call. */
class RecommendationAlgorithmsTests {

    private static final Map<String, Long> ORDERS = Map.of("A", 6L, "B", 5L, "C", 3L, "D", 2L, "X", 9L);

    @Test
    void cosineDividesTheSharedOrdersByTheGeometricMeanOfEachBooksOrders() {
        assertThat(Similarity.cosine(3, 6, 5)).isCloseTo(3 / Math.sqrt(30), within(1e-12));
        assertThat(Similarity.cosine(4, 4, 4)).isEqualTo(1.0);
        assertThat(Similarity.cosine(0, 6, 5)).isZero();
        assertThat(Similarity.cosine(1, 0, 5)).isZero();
    }

    @Test
    void boughtTogetherScoresByCosineLeavesOutPairsBelowTheMinimumSupportAndDiscontinuedBooks() {
        BoughtTogether boughtTogether = new BoughtTogether(2, 20);

        List<RecommendedBook> neighbours = boughtTogether.neighbours(
                6, Map.of("B", 3L, "C", 1L, "D", 2L, "X", 4L), ORDERS::get, book -> !book.equals("X"));

        // Raw counts would put B first; D, bought far less on its own, is the closer one.
        assertThat(neighbours)
                .containsExactly(new RecommendedBook("D", 0.5774, 2), new RecommendedBook("B", 0.5477, 3));
    }

    @Test
    void listsAreCutToTheirSizeAndEqualScoresRankByTheLargerSupportThenTheBookId() {
        List<RecommendedBook> ranked = Ranking.top(
                List.of(
                        new RecommendedBook("c", 0.5, 2),
                        new RecommendedBook("b", 0.5, 2),
                        new RecommendedBook("a", 0.5, 1),
                        new RecommendedBook("d", 0.50001, 1),
                        new RecommendedBook("e", 0.9, 1)),
                4);

        assertThat(ranked).extracting(RecommendedBook::bookId).containsExactly("e", "b", "c", "a");
        assertThat(ranked.get(1).score()).isEqualTo(0.5);
    }

    @Test
    void personalPicksSumTheSimilaritiesToEveryBookBoughtAndLeaveThoseBooksOut() {
        Map<String, List<RecommendedBook>> neighbours = Map.of(
                "A", List.of(new RecommendedBook("B", 0.5, 3), new RecommendedBook("C", 0.4, 2)),
                "B",
                        List.of(
                                new RecommendedBook("A", 0.5, 3),
                                new RecommendedBook("C", 0.3, 2),
                                new RecommendedBook("D", 0.6, 4)));

        List<RecommendedBook> picks = new PersonalPicks(20)
                .picks(List.of("A", "B"), book -> neighbours.getOrDefault(book, List.of()), List.of(), book -> true);

        // C is close to both (0.4 + 0.3), D to one (0.6).
        assertThat(picks).containsExactly(new RecommendedBook("C", 0.7, 4), new RecommendedBook("D", 0.6, 4));
    }

    @Test
    void shortPicksAreFilledWithTheFavouriteCategoriesBestsellersAfterThePicks() {
        List<RecommendedBook> fiction = List.of(
                new RecommendedBook("A", 40, 40), new RecommendedBook("C", 30, 30), new RecommendedBook("F", 20, 20));
        List<RecommendedBook> history = List.of(new RecommendedBook("H", 9, 9), new RecommendedBook("I", 8, 8));

        List<RecommendedBook> picks = new PersonalPicks(4)
                .picks(
                        List.of("A"),
                        book -> List.of(new RecommendedBook("C", 0.4, 2)),
                        List.of(fiction, history),
                        book -> !book.equals("F"));

        // C is already a pick, A was bought, F is discontinued; the list is full after H.
        assertThat(picks)
                .containsExactly(
                        new RecommendedBook("C", 0.4, 2),
                        new RecommendedBook("H", 0, 9),
                        new RecommendedBook("I", 0, 8));
        assertThat(new PersonalPicks(2).picks(List.of("A"), book -> List.of(), List.of(fiction, history), book -> true))
                .extracting(RecommendedBook::bookId)
                .containsExactly("C", "F");
    }

    @Test
    void theFavouriteCategoriesAreThoseOfMostBooksBought() {
        Map<String, String> categories =
                Map.of("a", "Fiction", "b", "History", "c", "History", "d", "Art", "e", "Poetry", "f", "Fiction");

        assertThat(PersonalPicks.favouriteCategories(List.of("a", "b", "c", "d", "e", "f", "b"), categories::get))
                .containsExactly("Fiction", "History", "Art");
    }
}
