package bookstore.catalog.book.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What readers think of a book: how many visible reviews rate it and the sum of their stars, as the catalogue last
 * tallied them. Hidden reviews count for nothing.
 *
 * @param revision which tally of the book's reviews this is; a tally with a revision not above this one is older news
 *     and is ignored, so concurrent tallies and late copies never overwrite a newer one
 */
public record Rating(long count, long sum, long revision) {

    public static final Rating NONE = new Rating(0, 0, 0);

    public Rating {
        if (count < 0 || sum < count || sum > count * 5) {
            throw new IllegalArgumentException("a rating is between 1 and 5 stars per review");
        }
    }

    /** The average rounded half up to one decimal, as the API shows it; empty while nobody rated the book. */
    public Optional<BigDecimal> average() {
        return count == 0
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP));
    }

    /** The shown average in tenths of a star (43 for 4.3), 0 while nobody rated the book: what search sorts by. */
    public int tenths() {
        return average()
                .map(average -> average.movePointRight(1).intValueExact())
                .orElse(0);
    }

    /** What a reader is shown: the average to one decimal, null while nobody rated the book, and the count. */
    public Summary summary() {
        return new Summary(average().orElse(null), count);
    }

    /** A rating as the API shows it, on the book, in search results and above the reviews. */
    public record Summary(BigDecimal average, long count) {}

    public boolean isOlderThan(long otherRevision) {
        return revision < otherRevision;
    }
}
