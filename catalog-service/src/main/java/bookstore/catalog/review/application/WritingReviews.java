package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import bookstore.catalog.review.domain.Stars;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A verified buyer reviews a book, once, and later edits or deletes what they wrote; each change re-tallies the
 * book's rating before it answers.
 */
@Service
public class WritingReviews {

    private final ReviewsOfBook found;
    private final Reviews reviews;
    private final VerifiedPurchases purchases;
    private final RatingBooks rating;
    private final Clock clock;

    WritingReviews(ReviewsOfBook found, Reviews reviews, VerifiedPurchases purchases, RatingBooks rating, Clock clock) {
        this.found = found;
        this.reviews = reviews;
        this.purchases = purchases;
        this.rating = rating;
        this.clock = clock;
    }

    public Mono<Review> write(BookId bookId, Reader reader, Stars stars, String text) {
        return found.book(bookId)
                .then(Mono.fromCallable(() -> Review.write(bookId, reader.customer(), stars, text, clock.instant())))
                .flatMap(review -> purchases
                        .exists(reader.customer(), bookId)
                        .flatMap(verified ->
                                verified ? reviews.add(review) : Mono.error(new NotAVerifiedBuyerException())))
                .flatMap(stored -> rating.refresh(bookId).thenReturn(stored));
    }

    public Mono<Review> edit(BookId bookId, ReviewId reviewId, Reader reader, Stars stars, String text) {
        return own(bookId, reviewId, reader)
                .map(review -> review.edit(stars, text, clock.instant()))
                .flatMap(reviews::storeEdit)
                .flatMap(stored -> rating.refresh(bookId).thenReturn(stored));
    }

    public Mono<Void> delete(BookId bookId, ReviewId reviewId, Reader reader) {
        return own(bookId, reviewId, reader)
                .flatMap(review -> reviews.delete(reviewId, reader.customer()))
                .flatMap(deleted -> deleted ? rating.refresh(bookId) : Mono.error(new ReviewNotFoundException()));
    }

    private Mono<Review> own(BookId bookId, ReviewId reviewId, Reader reader) {
        return found.review(bookId, reviewId, reader)
                .flatMap(review ->
                        review.isBy(reader.customer()) ? Mono.just(review) : Mono.error(new NotYourReviewException()));
    }
}
