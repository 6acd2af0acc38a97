package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import reactor.core.publisher.Mono;

/**
 * Told about every new rating this replica stores, right after the write, so its read models (the search index)
 * reflect it before the request answers. Other replicas find stored ratings by when they changed.
 */
public interface BookRatingListener {

    Mono<Void> rated(BookId bookId, Rating rating);
}
