package bookstore.analytics.streams;

import java.time.Instant;

/**
 * One sale fact as analytics counts it, whichever topic it came from: a confirmed order line (SaleRecorded), an
 * imported past one (SaleImported), or returned copies (SaleReturned, with negative quantity and revenue).
 *
 * @param eventId the event it came from; each is counted once
 * @param orderId the order (imported orders are {@code import:<reference>})
 * @param quantity copies, negative for a return
 * @param revenue quantity × unit price in minor units, negative for a return
 * @param customer the pseudonymous customer reference
 * @param at when the sale (or the return) happened
 * @param imported whether it came from an import of past sales
 */
public record SaleLine(
        String eventId,
        String orderId,
        String bookId,
        int quantity,
        long revenue,
        String currency,
        String customer,
        Instant at,
        boolean imported) {

    public boolean isReturn() {
        return quantity < 0;
    }
}
