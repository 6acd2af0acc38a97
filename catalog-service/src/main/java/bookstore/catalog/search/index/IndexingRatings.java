package bookstore.catalog.search.index;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.review.application.BookRatingListener;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A rating this replica stores is searchable here before the review request that changed it answers. */
@Component
class IndexingRatings implements BookRatingListener {

    private final BookIndex index;

    IndexingRatings(BookIndex index) {
        this.index = index;
    }

    @Override
    public Mono<Void> rated(BookId bookId, Rating rating) {
        return Mono.fromRunnable(() -> index.putRatings(Map.of(bookId.toString(), rating)));
    }
}
