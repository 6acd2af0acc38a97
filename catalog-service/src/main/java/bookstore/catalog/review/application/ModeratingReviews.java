package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * An admin hides a review, saying why, or shows it again. A hidden review leaves the public list and the book's
 * rating; its author and admins still see it. Only admins reach this (config.SecurityConfiguration).
 */
@Service
public class ModeratingReviews {

    private final ReviewsOfBook found;
    private final Reviews reviews;
    private final RatingBooks rating;
    private final Clock clock;

    ModeratingReviews(ReviewsOfBook found, Reviews reviews, RatingBooks rating, Clock clock) {
        this.found = found;
        this.reviews = reviews;
        this.rating = rating;
        this.clock = clock;
    }

    public Mono<Review> hide(BookId bookId, ReviewId reviewId, Reader admin, String reason) {
        return found.review(bookId, reviewId, admin)
                .map(review -> review.hide(reason, clock.instant()))
                .flatMap(reviews::storeModeration)
                .flatMap(stored -> rating.refresh(bookId).thenReturn(stored));
    }

    public Mono<Review> unhide(BookId bookId, ReviewId reviewId, Reader admin) {
        return found.review(bookId, reviewId, admin)
                .map(Review::unhide)
                .flatMap(reviews::storeModeration)
                .flatMap(stored -> rating.refresh(bookId).thenReturn(stored));
    }
}
