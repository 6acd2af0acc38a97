package bookstore.catalog.review.domain;

import java.time.Instant;
import java.util.Objects;

/** An admin hid a review, saying why; only admins see it then, with the reason. */
public record Moderation(String reason, Instant hiddenAt) {

    public static final int MAX_REASON = 500;

    public Moderation {
        Objects.requireNonNull(hiddenAt, "hiddenAt");
        if (reason == null || reason.isBlank()) {
            throw new InvalidReviewException("reason", "say why the review is hidden");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new InvalidReviewException("reason", "a reason is at most " + MAX_REASON + " characters");
        }
    }
}
