package bookstore.order.ordering.application;

import bookstore.order.cart.application.Carts;
import bookstore.order.cart.domain.Cart;
import bookstore.order.erasure.domain.AccountClosedException;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.order.ordering.domain.OrderLine;
import bookstore.order.pricing.application.PricingBooks;
import bookstore.order.pricing.domain.PricedBook;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Checkout: prices the requested books from the catalogue's prices, places a PENDING order and asks
 * inventory to reserve it, atomically. A retry with the same Idempotency-Key returns the order the
 * first attempt placed instead of placing another; the key's uniqueness in the database decides,
 * so two concurrent retries cannot both place one. A closed account places nothing, whatever its
 * token says: the statement that adds the order (or, from the cart, the one that locks the cart) looks
 * the account up and adds nothing if it was closed.
 */
@Service
public class PlacingOrder {

    private final Orders orders;
    private final Carts carts;
    private final PricingBooks pricing;
    private final CustomerPseudonyms pseudonyms;
    private final OrderMessages messages;
    private final TransactionalOperator transactions;
    private final OrderingProperties properties;
    private final OrderMetrics metrics;
    private final Clock clock;

    PlacingOrder(
            Orders orders,
            Carts carts,
            PricingBooks pricing,
            CustomerPseudonyms pseudonyms,
            OrderMessages messages,
            TransactionalOperator transactions,
            OrderingProperties properties,
            OrderMetrics metrics,
            Clock clock) {
        this.orders = orders;
        this.carts = carts;
        this.pricing = pricing;
        this.pseudonyms = pseudonyms;
        this.messages = messages;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Books named in the request: their prices read, then the order and its messages written with
     * one statement that needs no transaction, unless the customer's key placed an order already.
     */
    public Mono<Placement> place(PlaceOrder command) {
        if (command.fromCart()) {
            return transactions.transactional(placeFromCart(command));
        }
        return placeNew(command, command.items()).switchIfEmpty(Mono.defer(() -> notAdded(command)));
    }

    /**
     * The cart, locked, is what is ordered and is emptied with the order, in one transaction. A retry
     * finds it empty and the order its key placed.
     */
    private Mono<Placement> placeFromCart(PlaceOrder command) {
        return carts.lock(command.customerId())
                .map(PlacingOrder::itemsOf)
                .flatMap(wanted -> wanted.isEmpty()
                        ? earlier(command).switchIfEmpty(Mono.error(new EmptyCartException()))
                        : placeNew(command, wanted)
                                .flatMap(placed -> carts.save(Cart.empty(command.customerId()))
                                        .thenReturn(placed))
                                .switchIfEmpty(Mono.defer(() -> notAdded(command))));
    }

    /** The order placed, or nothing if the key had placed one before. */
    private Mono<Placement> placeNew(PlaceOrder command, List<PlaceOrder.Item> wanted) {
        if (wanted.isEmpty()) {
            return Mono.error(new EmptyCartException());
        }
        List<String> bookIds = wanted.stream().map(PlaceOrder.Item::bookId).toList();
        return pricing.orderable(bookIds).flatMap(books -> {
            Instant now = clock.instant();
            Order order = order(command, wanted, books, now);
            return orders.addIfNew(order, command.idempotencyKey(), messages.of(order, now))
                    .flatMap(added -> added ? metrics.placed().thenReturn(new Placement(order, true)) : Mono.empty());
        });
    }

    /**
     * The order was not added: its key placed one before (which had committed by then, the insert
     * having waited for it), or else the account is closed. Telling them apart costs a statement
     * only when an order was not placed.
     */
    private Mono<Placement> notAdded(PlaceOrder command) {
        return earlier(command).switchIfEmpty(Mono.error(AccountClosedException::new));
    }

    /** The order the key placed before, if the request is the same one; the key reused for another is refused. */
    private Mono<Placement> earlier(PlaceOrder command) {
        IdempotencyKey key = command.idempotencyKey();
        return orders.findByIdempotencyKey(command.customerId(), key.value())
                .flatMap(earlier -> earlier.requestFingerprint().equals(key.requestFingerprint())
                        ? Mono.just(new Placement(earlier.order(), false))
                        : Mono.error(new IdempotencyKeyReusedException()));
    }

    private Order order(PlaceOrder command, List<PlaceOrder.Item> items, Map<String, PricedBook> books, Instant now) {
        List<OrderLine> lines = items.stream()
                .map(item -> {
                    PricedBook book = books.get(item.bookId());
                    return new OrderLine(item.bookId(), book.title(), item.quantity(), book.price());
                })
                .toList();
        return Order.place(
                OrderId.random(),
                command.customerId(),
                pseudonyms.of(command.customerId()),
                lines,
                command.shippingAddress(),
                command.paymentMethod(),
                now,
                properties.timeouts());
    }

    private static List<PlaceOrder.Item> itemsOf(Cart cart) {
        return cart.lines().stream()
                .map(line -> new PlaceOrder.Item(line.bookId(), line.quantity()))
                .toList();
    }

    /**
     * @param placed false when the Idempotency-Key had already placed this order
     */
    public record Placement(Order order, boolean placed) {}
}
