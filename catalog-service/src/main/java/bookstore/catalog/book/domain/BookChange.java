package bookstore.catalog.book.domain;

import java.time.Instant;

/** What happened to a book in one change; the application publishes each as an integration event. */
public sealed interface BookChange {

    Instant occurredAt();

    record Added(Instant occurredAt, int initialStock) implements BookChange {}

    /** Descriptive data or the ISBN changed. */
    record Revised(Instant occurredAt) implements BookChange {}

    record Repriced(Instant occurredAt, Money previousPrice, Money price) implements BookChange {}

    record Discontinued(Instant occurredAt) implements BookChange {}
}
