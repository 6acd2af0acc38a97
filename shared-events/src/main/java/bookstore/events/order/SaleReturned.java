package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A correction to a {@link SaleRecorded}: copies of a sold line came back and were refunded, so
 * counts and revenue subtract them.
 *
 * @param returnId the return that brought them back
 * @param quantity the copies returned (resalable and damaged alike: the sale is undone for each)
 * @param unitPrice the price each copy was sold at, as in the sale
 * @param customer the pseudonymous customer reference, as in the sale
 * @param returnedAt when the shop received them
 */
public record SaleReturned(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String returnId,
        String bookId,
        int quantity,
        Money unitPrice,
        String customer,
        Instant returnedAt)
        implements SalesEvent {}
