package bookstore.analytics.streams;

import java.time.LocalDate;

/**
 * What one sale line adds to its customer's history.
 *
 * @param revenue the line's revenue, negative for returned copies
 */
public record CustomerPurchase(String customer, String orderId, LocalDate day, long revenue, int units) {}
