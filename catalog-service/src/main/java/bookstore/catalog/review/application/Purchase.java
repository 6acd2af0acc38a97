package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import java.time.Instant;
import java.util.Objects;

/**
 * A verified purchase: an order of this customer containing this book reached them. What entitles them to review it.
 *
 * @param customer the customer's pseudonym, as order events carry it
 * @param orderId the first delivered order that made it so
 */
public record Purchase(String customer, BookId bookId, String orderId, Instant deliveredAt) {

    public Purchase {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
    }
}
