package bookstore.events.catalog;

import bookstore.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new book entered the catalogue; inventory opens a stock record for it. */
public record BookAdded(
        UUID eventId, Instant occurredAt, String bookId, String isbn, String title, List<String> authors, Money price)
        implements BookEvent {}
