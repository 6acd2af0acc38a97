package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import java.util.Collection;
import reactor.core.publisher.Mono;

/** Who received which books, as far as reviewing goes. */
public interface VerifiedPurchases {

    /**
     * Records purchases, one per customer and book, with one write for all of them; a purchase known already keeps
     * what it was first recorded with, so a redelivered or replayed order changes nothing.
     */
    Mono<Void> record(Collection<Purchase> purchases);

    Mono<Boolean> exists(String customer, BookId bookId);

    /** Forgets every purchase of these customers. */
    Mono<Void> forget(Collection<String> customers);
}
