package bookstore.events.catalog;

import bookstore.events.Money;
import java.time.Instant;
import java.util.UUID;

/** A book's selling price changed; carts and new orders use the new price. */
public record BookPriceChanged(UUID eventId, Instant occurredAt, String bookId, Money previousPrice, Money price)
        implements BookEvent {}
