package bookstore.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatingTests {

    @Test
    void showsTheAverageRoundedHalfUpToOneDecimalAndNoneBeforeTheFirstReview() {
        assertThat(new Rating(3, 13, 1).average()).contains(new BigDecimal("4.3"));
        assertThat(new Rating(4, 17, 1).average()).contains(new BigDecimal("4.3")); // 4.25
        assertThat(new Rating(2, 10, 1).average()).contains(new BigDecimal("5.0"));
        assertThat(Rating.NONE.average()).isEmpty();
        assertThat(Rating.NONE.summary()).isEqualTo(new Rating.Summary(null, 0));
        assertThat(new Rating(4, 17, 1).tenths()).isEqualTo(43);
    }

    @Test
    void refusesSumsNoReviewsCouldAddUpTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Rating(2, 11, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rating(2, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rating(-1, 0, 1));
    }
}
