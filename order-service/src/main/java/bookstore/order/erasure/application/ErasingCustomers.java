package bookstore.order.erasure.application;

import bookstore.order.cart.application.Carts;
import bookstore.order.ordering.application.ClosingAccounts;
import bookstore.order.ordering.domain.Order;
import bookstore.order.shipping.application.Shipments;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Erases a customer whose account was closed from everything order-service keeps (see
 * order-service/README.md, "Closed accounts"): their orders lose the person and those not shipped
 * are cancelled, the timelines of erased orders' parcels go, and their cart is deleted; and the
 * account is remembered as closed, so that its still-valid access token cannot order or fill a cart
 * again. All in one transaction, which joins the inbox's that records the event as handled. Doing it
 * again changes nothing, so a replay the inbox has forgotten is harmless too.
 *
 * <p>The orders are read last, by customer, not by what was known when the account closed: every
 * order placed until then is erased, also one placed with a token that outlived the account while
 * the event was on its way. The closed account is remembered first and the cart deleted (which waits
 * for a checkout from it under way) before the orders are read, so a checkout that ends while the
 * erasure runs is among them.
 */
@Service
public class ErasingCustomers {

    private final ClosedAccounts closedAccounts;
    private final ClosingAccounts closing;
    private final Shipments shipments;
    private final Carts carts;
    private final TransactionalOperator transactions;

    ErasingCustomers(
            ClosedAccounts closedAccounts,
            ClosingAccounts closing,
            Shipments shipments,
            Carts carts,
            TransactionalOperator transactions) {
        this.closedAccounts = closedAccounts;
        this.closing = closing;
        this.shipments = shipments;
        this.carts = carts;
        this.transactions = transactions;
    }

    /**
     * @param customerId the closed account's id, which orders hold as their customer id
     * @param closedAt when user-service closed it
     */
    public Mono<Void> accountClosed(String customerId, Instant closedAt) {
        return transactions.transactional(closedAccounts
                .remember(customerId, closedAt)
                .then(carts.delete(customerId))
                .then(closing.close(customerId))
                .flatMap(orders -> shipments.forget(orders.stream()
                        .filter(Order::customerErased)
                        .map(order -> order.id().toString())
                        .toList())));
    }
}
