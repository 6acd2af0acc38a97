package bookstore.order.ordering.domain;

/** A return cannot take this step in its status, or the order does not allow a return now. */
public class ReturnConflictException extends RuntimeException {

    ReturnConflictException(String message) {
        super(message);
    }
}
