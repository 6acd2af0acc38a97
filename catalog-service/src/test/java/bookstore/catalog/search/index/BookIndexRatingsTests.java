package bookstore.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.search.application.BookHit;
import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SortOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readers' ratings in the search index: applied by revision, shown on hits, sorted and filtered by. */
class BookIndexRatingsTests {

    final BookIndex index = new BookIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void aNewerRatingIsAppliedToTheIndexedBookAndAnOlderOneIsNot() {
        Book book = book("9787536692930", "三体");
        index.put(book);

        assertThat(index.putRatings(Map.of(book.id().toString(), new Rating(2, 9, 2))))
                .isEqualTo(1);
        assertThat(index.putRatings(Map.of(book.id().toString(), new Rating(1, 1, 1))))
                .isZero();
        // A copy of the book read before the rating (a change of its details, say) keeps the rating.
        index.put(restored(book, 1));

        assertThat(hits(criteria(null, SortOrder.RELEVANCE))).singleElement().satisfies(hit -> assertThat(hit.rating())
                .isEqualTo(new Rating.Summary(new BigDecimal("4.5"), 2)));
    }

    @Test
    void sortsByTheShownAverageThenByHowManyRatedAndFiltersByAMinimum() {
        Book liked = book("9787536692930", "Liked");
        Book lovedByFew = book("9787536693968", "Loved by few");
        Book lovedByMany = book("9787536692954", "Loved by many");
        Book unrated = book("9787020002207", "Unrated");
        index.putAll(List.of(liked, lovedByFew, lovedByMany, unrated));
        index.putRatings(Map.of(
                liked.id().toString(), new Rating(3, 11, 1), // 3.7
                lovedByFew.id().toString(), new Rating(1, 5, 1), // 5.0
                // 49 / 10 = 4.9 and 99 / 20 = 4.95, shown as 5.0: tied with the one above, more readers first.
                lovedByMany.id().toString(), new Rating(20, 99, 1)));

        assertThat(titles(criteria(null, SortOrder.RATING)))
                .containsExactly("Loved by many", "Loved by few", "Liked", "Unrated");
        assertThat(titles(criteria(new BigDecimal("5"), SortOrder.RATING)))
                .containsExactly("Loved by many", "Loved by few");
        assertThat(titles(criteria(new BigDecimal("3.7"), SortOrder.RATING)))
                .containsExactly("Loved by many", "Loved by few", "Liked");
        assertThat(titles(criteria(new BigDecimal("3.8"), SortOrder.NEWEST))).doesNotContain("Liked", "Unrated");
    }

    private List<BookHit> hits(SearchCriteria criteria) {
        return index.search(criteria).items();
    }

    private List<String> titles(SearchCriteria criteria) {
        return hits(criteria).stream().map(BookHit::title).toList();
    }

    private static SearchCriteria criteria(BigDecimal minRating, SortOrder sort) {
        return new SearchCriteria(null, null, null, null, null, null, null, null, minRating, sort, 0, 20);
    }

    private static Book book(String isbn, String title) {
        return BookIndexTests.book(isbn, title, "刘慈欣", "zh", "Fiction", 2_300, "2008-01", 3);
    }

    private static Book restored(Book book, long version) {
        return BookIndexTests.restored(book, version, book.status(), book.availability());
    }
}
