package bookstore.catalog.review.application;

import bookstore.catalog.review.domain.ReviewId;

/** A reader reviews a book once; they may edit or delete the review they wrote. */
public class ReviewExistsException extends RuntimeException {

    private final ReviewId existing;

    public ReviewExistsException(ReviewId existing) {
        super("You have reviewed this book already; edit or delete your review instead.");
        this.existing = existing;
    }

    /** The review the reader wrote, or null if the store did not say. */
    public ReviewId existing() {
        return existing;
    }
}
