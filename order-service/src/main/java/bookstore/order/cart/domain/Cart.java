package bookstore.order.cart.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's cart: which books, how many of each, in the order they were added. It caps what one
 * checkout may ask of the warehouse, so a cart never holds more than {@value #MAX_QUANTITY} copies
 * of a book nor more than {@value #MAX_LINES} different books.
 */
public final class Cart {

    public static final int MAX_QUANTITY = 10;
    public static final int MAX_LINES = 50;

    private final String customerId;
    private final Map<String, Integer> quantities = new LinkedHashMap<>();

    public Cart(String customerId, List<CartLine> lines) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        lines.forEach(line -> quantities.put(line.bookId(), line.quantity()));
    }

    public static Cart empty(String customerId) {
        return new Cart(customerId, List.of());
    }

    /** Sets how many copies of a book the cart holds; a book already in the cart keeps its place. */
    public void put(String bookId, int quantity) {
        Objects.requireNonNull(bookId, "bookId");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new CartLimitExceededException(
                    "A cart holds between 1 and " + MAX_QUANTITY + " copies of a book, not " + quantity + ".");
        }
        if (!quantities.containsKey(bookId) && quantities.size() >= MAX_LINES) {
            throw new CartLimitExceededException("A cart holds at most " + MAX_LINES + " different books.");
        }
        quantities.put(bookId, quantity);
    }

    /** Takes a book out of the cart; taking out a book that is not there changes nothing. */
    public void remove(String bookId) {
        quantities.remove(bookId);
    }

    public void clear() {
        quantities.clear();
    }

    public String customerId() {
        return customerId;
    }

    public List<CartLine> lines() {
        List<CartLine> lines = new ArrayList<>(quantities.size());
        quantities.forEach((bookId, quantity) -> lines.add(new CartLine(bookId, quantity)));
        return List.copyOf(lines);
    }

    public boolean isEmpty() {
        return quantities.isEmpty();
    }
}
