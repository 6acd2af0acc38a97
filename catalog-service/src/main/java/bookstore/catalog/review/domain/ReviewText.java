package bookstore.catalog.review.domain;

import java.util.Optional;

/**
 * What a reader writes about a book, kept exactly as written: never trimmed, escaped or turned into markup here, so
 * {@code <b>} or {@code <script>} in a review is returned as those characters and it is the reader's screen that shows
 * them as text. Blank text is no text.
 */
public final class ReviewText {

    /** Characters (Unicode code points, so a Chinese character counts one) a review's text may have. */
    public static final int MAX_LENGTH = 2_000;

    private ReviewText() {}

    /**
     * The text as stored: absent if none or blank, otherwise unchanged.
     *
     * @throws InvalidReviewException if it is longer than {@link #MAX_LENGTH} or holds a control character other than
     *     a tab or a line break, which no written text needs
     */
    public static Optional<String> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new InvalidReviewException("text", "a review's text is at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            throw new InvalidReviewException("text", "a review's text cannot contain control characters");
        }
        return Optional.of(text);
    }
}
