package bookstore.catalog.review.domain;

/** A review, or a change to one, that the rules refuse; names the field at fault. */
public class InvalidReviewException extends RuntimeException {

    private final String field;

    public InvalidReviewException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
