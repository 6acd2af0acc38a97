package bookstore.order.cart.application;

import bookstore.order.pricing.domain.Money;
import java.util.List;

/**
 * A cart as the customer sees it, priced at today's prices.
 *
 * @param total what the orderable lines cost together
 */
public record PricedCart(List<Line> lines, Money total) {

    /**
     * @param unitPrice today's price, or null when the book can no longer be ordered
     * @param orderable false for a book discontinued since it was put in the cart; checkout refuses it
     */
    public record Line(
            String bookId, String title, int quantity, Money unitPrice, Money lineTotal, boolean orderable) {}
}
