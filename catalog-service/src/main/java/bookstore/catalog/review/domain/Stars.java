package bookstore.catalog.review.domain;

/** How a reader rates a book: one to five stars, whole ones. */
public record Stars(int value) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    public Stars {
        if (value < MIN || value > MAX) {
            throw new InvalidReviewException("rating", "a rating is a whole number of stars from 1 to 5");
        }
    }
}
