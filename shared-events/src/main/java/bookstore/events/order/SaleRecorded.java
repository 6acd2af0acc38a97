package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One confirmed order line, as a sale.
 *
 * @param customer a pseudonymous customer reference, stable per customer, not the account id
 * @param soldAt when the order was confirmed
 */
public record SaleRecorded(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String bookId,
        int quantity,
        Money unitPrice,
        String customer,
        Instant soldAt)
        implements SalesEvent {}
