package bookstore.order.ordering.domain;

/** An order that cannot be placed as asked (no lines, too many, a book twice…). */
public class InvalidOrderException extends RuntimeException {

    public InvalidOrderException(String message) {
        super(message);
    }
}
