package bookstore.order.erasure.domain;

/**
 * The customer's account was closed: order-service takes no new order and no cart change from it,
 * even with an access token that is still valid (see order-service/README.md, "Closed accounts").
 */
public class AccountClosedException extends RuntimeException {

    public AccountClosedException() {
        super("This account was closed; it can no longer place orders or change a cart.");
    }
}
