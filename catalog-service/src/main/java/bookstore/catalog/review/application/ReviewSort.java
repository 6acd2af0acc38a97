package bookstore.catalog.review.application;

import java.util.Arrays;
import java.util.Locale;

/** How a book's reviews are listed. */
public enum ReviewSort {
    /** Most recently written first. */
    NEWEST,
    /** Most "helpful" votes first, then newest. */
    HELPFUL;

    public static final String PATTERN = "newest|helpful";

    public static ReviewSort of(String text) {
        return text == null || text.isBlank()
                ? NEWEST
                : Arrays.stream(values())
                        .filter(sort -> sort.name().equals(text.toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown sort " + text));
    }
}
