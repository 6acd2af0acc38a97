package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import bookstore.catalog.book.domain.BookChange;
import bookstore.catalog.book.domain.Money;
import bookstore.events.catalog.BookAdded;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookEvent;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import java.util.List;
import java.util.UUID;

/** Turns a book's recorded changes into the integration events of {@code catalog.books.v1}. */
final class CatalogueEvents {

    private CatalogueEvents() {}

    static List<BookEvent> of(Book book) {
        String id = book.id().toString();
        return book.changes().stream()
                .<BookEvent>map(change -> switch (change) {
                    case BookChange.Added added ->
                        new BookAdded(
                                UUID.randomUUID(),
                                added.occurredAt(),
                                id,
                                book.isbn().value(),
                                book.details().title(),
                                book.details().authors(),
                                contract(book.price()),
                                added.initialStock(),
                                book.details().publisher(),
                                book.details().categories());
                    case BookChange.Revised revised ->
                        new BookUpdated(
                                UUID.randomUUID(),
                                revised.occurredAt(),
                                id,
                                book.isbn().value(),
                                book.details().title(),
                                book.details().authors(),
                                book.details().publisher(),
                                book.details().categories());
                    case BookChange.Repriced repriced ->
                        new BookPriceChanged(
                                UUID.randomUUID(),
                                repriced.occurredAt(),
                                id,
                                contract(repriced.previousPrice()),
                                contract(repriced.price()));
                    case BookChange.Discontinued discontinued ->
                        new BookDiscontinued(UUID.randomUUID(), discontinued.occurredAt(), id);
                })
                .toList();
    }

    private static bookstore.events.Money contract(Money price) {
        return new bookstore.events.Money(price.amount(), price.currency());
    }
}
