package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Anyone reads a book's reviews; a signed-in reader also learns which are theirs and which they found helpful. */
@Service
public class ReadingReviews {

    private final ReviewsOfBook found;
    private final Reviews reviews;
    private final VerifiedPurchases purchases;

    ReadingReviews(ReviewsOfBook found, Reviews reviews, VerifiedPurchases purchases) {
        this.found = found;
        this.reviews = reviews;
        this.purchases = purchases;
    }

    /**
     * One page of the book's reviews: the visible ones, or for an admin all of them.
     *
     * @param reader empty for an anonymous caller
     */
    public Mono<Listing> page(BookId bookId, Optional<Reader> reader, ReviewSort sort, int page, int size) {
        boolean withHidden = reader.map(Reader::admin).orElse(false);
        return found.book(bookId).flatMap(book -> reviews.page(bookId, sort, page, size, withHidden)
                .flatMap(listed -> reader.map(someone -> reviews.votedBy(
                                someone.customer(),
                                listed.items().stream().map(Review::id).toList()))
                        .orElseGet(() -> Mono.just(Set.of()))
                        .map(voted -> new Listing(listed, book.rating(), voted))));
    }

    /** The reader's standing with the book: whether they may review it, and the review they wrote, if any. */
    public Mono<Standing> standing(BookId bookId, Reader reader) {
        return found.book(bookId)
                .then(Mono.zip(
                        purchases.exists(reader.customer(), bookId),
                        reviews.findByAuthor(bookId, reader.customer())
                                .map(Optional::of)
                                .defaultIfEmpty(Optional.empty())))
                .map(both -> new Standing(both.getT1(), both.getT2()));
    }

    /** A page of reviews, the book's rating, and the reviews on the page the reader found helpful. */
    public record Listing(ReviewPage page, Rating rating, Set<ReviewId> votedHelpful) {}

    public record Standing(boolean verifiedBuyer, Optional<Review> review) {}
}
