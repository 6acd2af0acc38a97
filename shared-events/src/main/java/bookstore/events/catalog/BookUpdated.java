package bookstore.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A book's descriptive data changed (not its price: see {@link BookPriceChanged}). */
public record BookUpdated(
        UUID eventId, Instant occurredAt, String bookId, String isbn, String title, List<String> authors)
        implements BookEvent {}
