package bookstore.order.ordering.application;

/** No such order, or none the caller may see: the two are deliberately indistinguishable. */
public class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException(String orderId) {
        super("There is no order " + orderId + ".");
    }
}
