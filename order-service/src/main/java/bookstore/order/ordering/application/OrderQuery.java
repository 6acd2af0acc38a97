package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.OrderStatus;
import bookstore.platform.paging.PageWindow;
import java.time.Instant;

/**
 * Which orders to list, newest first. Every condition given must hold.
 *
 * @param customerId the customer whose orders to list, or null for everybody's (which only admins may ask for)
 * @param status null for every status
 * @param from the earliest placing time, inclusive, or null
 * @param to the placing time the orders must be before, or null
 * @param openAfterSale only orders with a return not yet ended or a refund awaiting payment (the
 *     returns queue)
 */
public record OrderQuery(
        String customerId, OrderStatus status, boolean openAfterSale, Instant from, Instant to, int page, int size) {

    public static final int MAX_SIZE = 100;

    /** Far longer than any account id (a UUID). */
    public static final int MAX_CUSTOMER_ID = 100;

    /** The range of times a bound may name: years 1 to 9999, well within what the database stores. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public OrderQuery {
        customerId = customerId == null || customerId.isBlank() ? null : customerId;
        if (customerId != null && customerId.length() > MAX_CUSTOMER_ID) {
            throw new InvalidOrderQueryException("customerId", "customerId is longer than " + MAX_CUSTOMER_ID);
        }
        checkWithinRange("from", from);
        checkWithinRange("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidOrderQueryException("from", "from must not be after to");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidOrderQueryException("size", "size must be between 1 and " + MAX_SIZE);
        }
        if (!PageWindow.allows(page, size)) {
            throw new InvalidOrderQueryException(
                    "page", "page is beyond the first " + PageWindow.MAX_RESULT_WINDOW + " orders");
        }
    }

    /** The same query for one customer's orders. */
    public OrderQuery of(String customer) {
        return new OrderQuery(customer, status, openAfterSale, from, to, page, size);
    }

    public long offset() {
        return (long) page * size;
    }

    private static void checkWithinRange(String parameter, Instant bound) {
        if (bound != null && (bound.isBefore(EARLIEST) || bound.isAfter(LATEST))) {
            throw new InvalidOrderQueryException(parameter, parameter + " must be within the years 1 to 9999");
        }
    }
}
