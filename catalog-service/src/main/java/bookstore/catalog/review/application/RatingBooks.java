package bookstore.catalog.review.application;

import bookstore.catalog.book.application.Books;
import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.book.domain.Rating;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a book's rating true to its visible reviews, after every change to them: takes a revision, tallies the
 * reviews in one aggregation, and stores the tally unless a newer revision is stored already. The tally of the
 * highest revision starts after every review write that preceded any revision, so whatever order concurrent tallies
 * finish in, the one the book keeps counts every review (docs/adr/0014).
 */
@Service
public class RatingBooks {

    private static final Logger log = LoggerFactory.getLogger(RatingBooks.class);

    private final Books books;
    private final Reviews reviews;
    private final List<BookRatingListener> listeners;
    private final Clock clock;

    RatingBooks(Books books, Reviews reviews, List<BookRatingListener> listeners, Clock clock) {
        this.books = books;
        this.reviews = reviews;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Re-tallies the book's rating after a change to its reviews. The change is durable already: if the tally fails,
     * it is logged and the rating catches up with the book's next review change.
     */
    public Mono<Void> refresh(BookId bookId) {
        return books.nextRatingRevision(bookId)
                .flatMap(revision ->
                        reviews.tally(bookId).map(tally -> new Rating(tally.count(), tally.sum(), revision)))
                .flatMap(rating -> books.storeRating(bookId, rating, clock.instant())
                        .filter(stored -> stored)
                        .flatMap(stored -> Flux.fromIterable(listeners)
                                .concatMap(listener -> listener.rated(bookId, rating))
                                .then()))
                .onErrorResume(e -> {
                    log.warn("The rating of book {} missed a review change; its next one repairs it", bookId, e);
                    return Mono.empty();
                });
    }
}
