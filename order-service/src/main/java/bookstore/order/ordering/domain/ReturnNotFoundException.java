package bookstore.order.ordering.domain;

/** The order has no return with this id. */
public class ReturnNotFoundException extends RuntimeException {

    ReturnNotFoundException(String returnId) {
        super("This order has no return " + returnId + ".");
    }
}
