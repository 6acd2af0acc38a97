package bookstore.events.catalog;

import bookstore.events.IntegrationEvent;

/** What the catalogue says about its books, on {@code catalog.books.v1}, keyed by book id. */
public sealed interface BookEvent extends IntegrationEvent
        permits BookAdded, BookUpdated, BookPriceChanged, BookDiscontinued {

    String bookId();

    @Override
    default String aggregateId() {
        return bookId();
    }
}
