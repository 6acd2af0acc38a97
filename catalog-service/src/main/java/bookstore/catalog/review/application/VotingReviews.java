package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A signed-in reader finds someone else's review helpful: one vote each, a repeat changes nothing. */
@Service
public class VotingReviews {

    private final ReviewsOfBook found;
    private final Reviews reviews;

    VotingReviews(ReviewsOfBook found, Reviews reviews) {
        this.found = found;
        this.reviews = reviews;
    }

    /** The review with the reader's vote counted. */
    public Mono<Review> helpful(BookId bookId, ReviewId reviewId, Reader reader) {
        return found.review(bookId, reviewId, reader)
                .flatMap(review -> review.isBy(reader.customer())
                        ? Mono.error(new OwnReviewVoteException())
                        : reviews.voteHelpful(reviewId, reader.customer()))
                .then(reviews.find(reviewId));
    }
}
