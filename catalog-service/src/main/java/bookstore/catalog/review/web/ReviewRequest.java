package bookstore.catalog.review.web;

import bookstore.catalog.review.domain.Stars;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A reader's review as they send it, to write or to replace theirs: whole stars from 1 to 5 and optional text of at
 * most {@code ReviewText.MAX_LENGTH} characters, kept exactly as sent.
 */
record ReviewRequest(
        @NotNull @Min(Stars.MIN) @Max(Stars.MAX) Integer rating, String text) {

    Stars stars() {
        return new Stars(rating);
    }
}
