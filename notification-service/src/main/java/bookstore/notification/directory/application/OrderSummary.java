package bookstore.notification.directory.application;

import java.util.List;
import java.util.Objects;

/**
 * An order as it was placed: who (by pseudonym), what, and for how much.
 *
 * @param customer the customer pseudonym, or null if the order named none
 * @param totalAmount minor units of {@code currency}
 */
public record OrderSummary(String orderId, String customer, List<Line> lines, long totalAmount, String currency) {

    public OrderSummary {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }

    /** One line: a book, how many copies, and the unit price in minor units of the order's currency. */
    public record Line(String bookId, int quantity, long unitPrice) {}
}
