package bookstore.events.inventory;

import java.time.Instant;
import java.util.UUID;

/** A book's available stock fell to or below its low-stock threshold. */
public record LowStockDetected(UUID eventId, Instant occurredAt, String bookId, int available, int threshold)
        implements StockEvent {}
