package bookstore.order.ordering.application;

/**
 * A customer asked for another customer's orders. Unlike one order of someone else's, which answers as missing, this is
 * refused outright: the question itself names the other customer, so the refusal tells nothing new.
 */
public class OrdersOfAnotherCustomerException extends RuntimeException {

    OrdersOfAnotherCustomerException() {
        super("You may list only your own orders.");
    }
}
