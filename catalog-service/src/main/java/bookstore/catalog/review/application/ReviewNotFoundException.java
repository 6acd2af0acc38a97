package bookstore.catalog.review.application;

/** No such review of this book, or none the caller may see. */
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException() {
        super("There is no such review of this book.");
    }
}
