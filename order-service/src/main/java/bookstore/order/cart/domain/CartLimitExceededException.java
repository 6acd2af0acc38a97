package bookstore.order.cart.domain;

/** A change would take the cart past its caps. */
public class CartLimitExceededException extends RuntimeException {

    public CartLimitExceededException(String message) {
        super(message);
    }
}
