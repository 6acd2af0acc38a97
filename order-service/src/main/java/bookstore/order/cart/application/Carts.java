package bookstore.order.cart.application;

import bookstore.order.cart.domain.Cart;
import bookstore.order.erasure.domain.AccountClosedException;
import reactor.core.publisher.Mono;

/** Where carts are kept. */
public interface Carts {

    /**
     * A customer's cart (empty if they never filled one), locked until the current transaction ends
     * so that concurrent changes to one cart apply one after the other; fails with {@link
     * AccountClosedException} for a closed account, whose cart cannot change any more.
     */
    Mono<Cart> lock(String customerId);

    /** The cart as it is now, without locking it. */
    Mono<Cart> find(String customerId);

    Mono<Void> save(Cart cart);

    /** Forgets the customer's cart altogether, lines and all. */
    Mono<Void> delete(String customerId);
}
