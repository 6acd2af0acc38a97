package bookstore.catalog.review.application;

/** Only a reader who received the book in an order of theirs may review it. */
public class NotAVerifiedBuyerException extends RuntimeException {

    public NotAVerifiedBuyerException() {
        super("Only verified buyers review a book: you can review it once an order of yours containing it has been"
                + " delivered to you.");
    }
}
