package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.events.order.SaleRecorded;
import java.util.UUID;

/** A sale of some copies of a book, as order-service recorded it; its id makes counting it idempotent. */
public record Sale(UUID saleId, BookId bookId, int units) {

    public static Sale of(SaleRecorded recorded) {
        return new Sale(recorded.eventId(), new BookId(UUID.fromString(recorded.bookId())), recorded.quantity());
    }
}
