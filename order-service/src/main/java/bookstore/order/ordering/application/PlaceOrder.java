package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.InvalidOrderException;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.ShippingAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A customer's checkout: either the given books or everything in their cart, shipped to an address
 * and paid with a payment method. Prices are never part of it; they come from the catalogue.
 *
 * @param items the books and quantities to order; empty when ordering from the cart
 */
public record PlaceOrder(
        String customerId,
        IdempotencyKey idempotencyKey,
        List<Item> items,
        boolean fromCart,
        ShippingAddress shippingAddress,
        String paymentMethod) {

    public PlaceOrder {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        items = items == null ? List.of() : List.copyOf(items);
        if (fromCart == !items.isEmpty()) {
            throw new InvalidOrderException("An order lists its items or comes from the cart, one or the other.");
        }
        if (items.size() > Order.MAX_LINES) {
            throw new InvalidOrderException("An order has at most " + Order.MAX_LINES + " lines.");
        }
        var books = new HashSet<String>();
        for (Item item : items) {
            if (!books.add(item.bookId())) {
                throw new InvalidOrderException("Book " + item.bookId() + " appears on more than one line.");
            }
        }
    }

    public record Item(String bookId, int quantity) {

        public Item {
            Objects.requireNonNull(bookId, "bookId");
            if (quantity < 1 || quantity > Order.MAX_QUANTITY) {
                throw new InvalidOrderException("A line orders between 1 and " + Order.MAX_QUANTITY + " copies.");
            }
        }
    }
}
