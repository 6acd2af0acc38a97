package bookstore.analytics.imports.domain;

import java.time.Instant;

/**
 * One checked line of past sales, ready to be published.
 *
 * @param line its number in the file
 * @param orderRef the old system's order reference
 * @param bookId the catalogue's id of the book its ISBN names
 * @param unitPrice in minor units (fen)
 * @param customerRef the old system's customer reference; never published, only its pseudonym is
 */
public record PastSale(
        int line,
        String orderRef,
        Instant orderedAt,
        String isbn,
        String bookId,
        int quantity,
        long unitPrice,
        String customerRef) {}
