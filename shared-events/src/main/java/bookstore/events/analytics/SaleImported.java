package bookstore.events.analytics;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a past order, imported by an admin: a sale made before this shop ran, counted like a
 * {@code SaleRecorded} at its original time. Its event id is derived from the import and the line, so importing the
 * same file twice publishes the same events again, which readers count once.
 *
 * @param orderId the order the line belonged to, as {@code import:<the old system's order reference>}
 * @param importId the import that brought it
 * @param isbn the book's ISBN-13, as the old system knew it
 * @param customer a pseudonymous customer reference derived from the old system's customer reference (never that
 *     reference itself); imported customers are not linked to accounts of this shop
 * @param soldAt when the old system recorded the sale
 */
public record SaleImported(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String importId,
        String bookId,
        String isbn,
        int quantity,
        Money unitPrice,
        String customer,
        Instant soldAt)
        implements ImportedSalesEvent {}
