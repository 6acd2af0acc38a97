package bookstore.order.ordering.application;

/** Someone other than the customer who placed an order tried to confirm its receipt. */
public class OnlyTheCustomerReceivesException extends RuntimeException {

    OnlyTheCustomerReceivesException() {
        super("Only the customer who placed the order confirms its receipt.");
    }
}
