package bookstore.events.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * A book's stock changed (receipt, reservation, release, sale, adjustment, stocktake).
 *
 * @param version increases with every change of this book's stock, so a reader can ignore a fact
 *     older than one it already applied
 */
public record StockLevelChanged(
        UUID eventId, Instant occurredAt, String bookId, int onHand, int reserved, int available, long version)
        implements StockEvent {}
