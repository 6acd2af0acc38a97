package bookstore.catalog.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.catalog.book.domain.BookId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTests {

    static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void keepsTheTextExactlyAsWrittenAndBlankTextAsNone() {
        String markup = "  <b>加粗</b> &amp; <script>x()</script>\n";

        assertThat(write(markup).text()).contains(markup);
        assertThat(write(" \n\t").text()).isEmpty();
        assertThat(write(null).text()).isEmpty();
    }

    @Test
    void countsTheLimitInCharactersAndRefusesControlCharacters() {
        // An emoji is two UTF-16 units but one character.
        assertThat(write("😀".repeat(ReviewText.MAX_LENGTH)).text()).isPresent();
        assertThatThrownBy(() -> write("a".repeat(ReviewText.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidReviewException.class)
                .extracting(e -> ((InvalidReviewException) e).field())
                .isEqualTo("text");
        assertThatThrownBy(() -> write("nul \u0000")).isInstanceOf(InvalidReviewException.class);
    }

    @Test
    void refusesStarsOutsideOneToFive() {
        assertThatThrownBy(() -> new Stars(0)).isInstanceOf(InvalidReviewException.class);
        assertThatThrownBy(() -> new Stars(6)).isInstanceOf(InvalidReviewException.class);
    }

    @Test
    void anEditIsMarkedAndKeepsVotesAndModeration() {
        Review hidden = write("first").hide("spoilers", WRITTEN.plusSeconds(60));
        Review edited = hidden.edit(new Stars(2), "second", WRITTEN.plusSeconds(120));

        assertThat(edited.edited()).isTrue();
        assertThat(edited.createdAt()).isEqualTo(WRITTEN);
        assertThat(edited.updatedAt()).isEqualTo(WRITTEN.plusSeconds(120));
        assertThat(edited.isHidden()).isTrue();
        assertThat(edited.unhide().isHidden()).isFalse();
        assertThatThrownBy(() -> hidden.hide(" ", WRITTEN)).isInstanceOf(InvalidReviewException.class);
    }

    @Test
    void aClosedAccountsAuthorIsNobodyAndNeverAReadersPseudonym() {
        Review byReader = write("Fine");
        String closed = Review.closedAuthor();
        Review byClosedAccount = new Review(
                byReader.id(),
                byReader.bookId(),
                closed,
                byReader.rating(),
                java.util.Optional.empty(),
                WRITTEN,
                WRITTEN,
                false,
                0,
                java.util.Optional.empty());

        assertThat(byReader.authorClosed()).isFalse();
        assertThat(byClosedAccount.authorClosed()).isTrue();
        assertThat(byClosedAccount.isBy("a".repeat(64))).isFalse();
        assertThat(closed).isNotEqualTo(Review.closedAuthor()).doesNotMatch("[0-9a-f]{64}");
    }

    private static Review write(String text) {
        return Review.write(BookId.generate(), "a".repeat(64), new Stars(4), text, WRITTEN);
    }
}
