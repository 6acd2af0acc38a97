package bookstore.order.ordering.application;

import bookstore.order.cart.application.Carts;
import bookstore.order.cart.domain.Cart;
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
 * inventory to reserve it, all in one transaction. A retry with the same Idempotency-Key returns the
 * order the first attempt placed instead of placing another.
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
    private final Clock clock;

    PlacingOrder(
            Orders orders,
            Carts carts,
            PricingBooks pricing,
            CustomerPseudonyms pseudonyms,
            OrderMessages messages,
            TransactionalOperator transactions,
            OrderingProperties properties,
            Clock clock) {
        this.orders = orders;
        this.carts = carts;
        this.pricing = pricing;
        this.pseudonyms = pseudonyms;
        this.messages = messages;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Placement> place(PlaceOrder command) {
        String customerId = command.customerId();
        IdempotencyKey key = command.idempotencyKey();
        Mono<Placement> placement = orders.lockIdempotencyKey(customerId, key.value())
                .then(orders.findByIdempotencyKey(customerId, key.value()))
                .flatMap(earlier -> earlier.requestFingerprint().equals(key.requestFingerprint())
                        ? Mono.just(new Placement(earlier.order(), false))
                        : Mono.<Placement>error(new IdempotencyKeyReusedException()))
                .switchIfEmpty(Mono.defer(() -> placeNew(command)));
        return transactions.transactional(placement);
    }

    private Mono<Placement> placeNew(PlaceOrder command) {
        Mono<List<PlaceOrder.Item>> items = command.fromCart()
                ? carts.lock(command.customerId()).map(PlacingOrder::itemsOf)
                : Mono.just(command.items());
        return items.flatMap(wanted -> {
            if (wanted.isEmpty()) {
                return Mono.error(new EmptyCartException());
            }
            List<String> bookIds = wanted.stream().map(PlaceOrder.Item::bookId).toList();
            return pricing.orderable(bookIds).flatMap(books -> place(command, wanted, books));
        });
    }

    private Mono<Placement> place(PlaceOrder command, List<PlaceOrder.Item> items, Map<String, PricedBook> books) {
        Instant now = clock.instant();
        List<OrderLine> lines = items.stream()
                .map(item -> {
                    PricedBook book = books.get(item.bookId());
                    return new OrderLine(item.bookId(), book.title(), item.quantity(), book.price());
                })
                .toList();
        Order order = Order.place(
                OrderId.random(),
                command.customerId(),
                pseudonyms.of(command.customerId()),
                lines,
                command.shippingAddress(),
                command.paymentMethod(),
                now,
                properties.timeouts());
        Mono<Void> emptyCart = command.fromCart() ? carts.save(Cart.empty(command.customerId())) : Mono.empty();
        return orders.add(order, command.idempotencyKey())
                .then(emptyCart)
                .then(messages.publish(order, now))
                .thenReturn(new Placement(order, true));
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
