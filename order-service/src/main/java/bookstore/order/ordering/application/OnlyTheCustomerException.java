package bookstore.order.ordering.application;

/**
 * Someone other than the customer who placed an order tried to act in their name: confirm its
 * receipt, ask to return it, send a return back or withdraw one. Admins may see the order, but these
 * are the customer's word.
 */
public class OnlyTheCustomerException extends RuntimeException {

    OnlyTheCustomerException(String what) {
        super("Only the customer who placed the order " + what + ".");
    }
}
