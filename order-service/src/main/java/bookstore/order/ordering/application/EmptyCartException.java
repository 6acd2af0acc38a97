package bookstore.order.ordering.application;

/** Checkout from the cart while the cart is empty. */
public class EmptyCartException extends RuntimeException {

    EmptyCartException() {
        super("The cart is empty; put books in it before checking out.");
    }
}
