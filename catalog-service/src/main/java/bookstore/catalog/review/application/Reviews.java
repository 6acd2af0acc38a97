package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import java.util.Collection;
import java.util.Set;
import reactor.core.publisher.Mono;

/** Where reviews are kept. */
public interface Reviews {

    /** Stores a new review; fails with {@link ReviewExistsException} if its author reviewed the book already. */
    Mono<Review> add(Review review);

    Mono<Review> find(ReviewId id);

    Mono<Review> findByAuthor(BookId bookId, String author);

    /** Stores the author's new stars and text; nothing else of the review (its votes, its moderation) changes. */
    Mono<Review> storeEdit(Review edited);

    /** Stores whether the review is hidden, and why. */
    Mono<Review> storeModeration(Review moderated);

    /** Deletes the review if its author wrote it; true if it was deleted. */
    Mono<Boolean> delete(ReviewId id, String author);

    /** One page of a book's reviews, hidden ones only if asked for. */
    Mono<ReviewPage> page(BookId bookId, ReviewSort sort, int page, int size, boolean withHidden);

    /** Which of these reviews the customer found helpful. */
    Mono<Set<ReviewId>> votedBy(String customer, Collection<ReviewId> ids);

    /** Counts the customer's vote, once per customer; true if it was counted now. */
    Mono<Boolean> voteHelpful(ReviewId id, String customer);

    /**
     * The authors closed their accounts: their reviews keep rating, votes and dates, lose the text and name a
     * {@link Review#closedAuthor()} instead (one per person), and their helpful votes on others' reviews stay counted
     * without their pseudonym. Doing it again finds nothing to change.
     */
    Mono<Void> forgetAuthors(Collection<String> authors);

    /** The visible reviews of a book: how many, and their stars added up. */
    Mono<Tally> tally(BookId bookId);

    record Tally(long count, long sum) {}
}
