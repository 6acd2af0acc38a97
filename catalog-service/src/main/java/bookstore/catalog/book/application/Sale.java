package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.events.order.SaleRecorded;
import bookstore.events.order.SaleReturned;
import bookstore.events.order.SalesEvent;
import java.util.UUID;

/**
 * A sales fact about one book, as order-service recorded it: copies sold, or copies that came back
 * from a return (negative units). Its id, the fact's event id, makes counting it idempotent.
 */
public record Sale(UUID saleId, BookId bookId, int units) {

    public static Sale of(SalesEvent fact) {
        return switch (fact) {
            case SaleRecorded recorded -> new Sale(recorded.eventId(), bookId(recorded.bookId()), recorded.quantity());
            case SaleReturned returned -> new Sale(returned.eventId(), bookId(returned.bookId()), -returned.quantity());
        };
    }

    private static BookId bookId(String id) {
        return new BookId(UUID.fromString(id));
    }
}
