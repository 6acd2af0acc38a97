package bookstore.events.catalog;

import java.time.Instant;
import java.util.UUID;

/** A book is no longer sold; it can no longer be ordered. */
public record BookDiscontinued(UUID eventId, Instant occurredAt, String bookId) implements BookEvent {}
