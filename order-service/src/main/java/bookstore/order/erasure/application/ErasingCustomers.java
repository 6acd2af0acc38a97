package bookstore.order.erasure.application;

import bookstore.order.cart.application.Carts;
import bookstore.order.ordering.application.ClosingAccounts;
import bookstore.order.ordering.domain.Order;
import bookstore.order.shipping.application.Shipments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Erases a customer whose account was closed from everything order-service keeps (see
 * order-service/README.md, "Closed accounts"): their orders lose the person and those not shipped
 * are cancelled, the timelines of erased orders' parcels go, and their cart is deleted; all in one
 * transaction, which joins the inbox's that records the event as handled. Doing it again changes
 * nothing, so a replay the inbox has forgotten is harmless too.
 */
@Service
public class ErasingCustomers {

    private final ClosingAccounts closing;
    private final Shipments shipments;
    private final Carts carts;
    private final TransactionalOperator transactions;

    ErasingCustomers(ClosingAccounts closing, Shipments shipments, Carts carts, TransactionalOperator transactions) {
        this.closing = closing;
        this.shipments = shipments;
        this.carts = carts;
        this.transactions = transactions;
    }

    /** @param customerId the closed account's id, which orders hold as their customer id */
    public Mono<Void> accountClosed(String customerId) {
        return transactions.transactional(closing.close(customerId)
                .flatMap(orders -> shipments.forget(orders.stream()
                        .filter(Order::customerErased)
                        .map(order -> order.id().toString())
                        .toList()))
                .then(carts.delete(customerId)));
    }
}
