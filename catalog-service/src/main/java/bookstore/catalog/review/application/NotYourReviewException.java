package bookstore.catalog.review.application;

/** Readers change and delete only the reviews they wrote. */
public class NotYourReviewException extends RuntimeException {

    public NotYourReviewException() {
        super("You can change or delete only your own review.");
    }
}
