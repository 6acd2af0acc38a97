package bookstore.catalog.review.domain;

import java.util.UUID;

/** A review's identity. */
public record ReviewId(UUID value) {

    public static ReviewId generate() {
        return new ReviewId(UUID.randomUUID());
    }

    /** Reads an id from outside; anything but a UUID is refused before it gets near a query. */
    public static ReviewId parse(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new ReviewId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidReviewException("reviewId", "a review id is a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
