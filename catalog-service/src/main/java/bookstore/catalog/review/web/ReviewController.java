package bookstore.catalog.review.web;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.application.ModeratingReviews;
import bookstore.catalog.review.application.ReadingReviews;
import bookstore.catalog.review.application.VotingReviews;
import bookstore.catalog.review.application.WritingReviews;
import bookstore.catalog.review.domain.ReviewId;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A book's reviews: anyone reads them; a verified buyer writes one, edits or deletes theirs; signed-in readers mark
 * others' reviews helpful; admins hide and show them. Who may call what is decided in {@code
 * config.SecurityConfiguration}; whose review it is, here and in the use cases.
 */
@RestController
@RequestMapping("/api/books/{bookId}/reviews")
@Tag(name = "reviews", description = "Verified buyers' ratings and reviews; moderation (admins)")
class ReviewController {

    private final ReadingReviews reading;
    private final WritingReviews writing;
    private final VotingReviews voting;
    private final ModeratingReviews moderating;
    private final Readers readers;

    ReviewController(
            ReadingReviews reading,
            WritingReviews writing,
            VotingReviews voting,
            ModeratingReviews moderating,
            Readers readers) {
        this.reading = reading;
        this.writing = writing;
        this.voting = voting;
        this.moderating = moderating;
        this.readers = readers;
    }

    /** Visible reviews, newest or most helpful first; to admins the hidden ones too, with the reason. */
    @GetMapping
    Mono<ReviewListResource> list(@PathVariable String bookId, @Valid ReviewParameters parameters) {
        return Mono.fromCallable(() -> BookId.parse(bookId))
                .zipWith(readers.ifSignedIn())
                .flatMap(request -> reading.page(
                                request.getT1(),
                                request.getT2(),
                                parameters.order(),
                                parameters.pageOrFirst(),
                                parameters.sizeOrDefault())
                        .map(listing -> new ReviewListResource(
                                listing.page().items().stream()
                                        .map(review -> ReviewResource.of(
                                                review,
                                                request.getT2(),
                                                listing.votedHelpful().contains(review.id())))
                                        .toList(),
                                listing.page().page(),
                                listing.page().size(),
                                listing.page().total(),
                                listing.rating().summary())));
    }

    /** The caller's standing with the book: may they review it, and their review if they wrote one. */
    @GetMapping("/mine")
    Mono<StandingResource> mine(@PathVariable String bookId) {
        return Mono.fromCallable(() -> BookId.parse(bookId))
                .zipWith(readers.current())
                .flatMap(request -> reading.standing(request.getT1(), request.getT2())
                        .map(standing -> new StandingResource(
                                standing.verifiedBuyer(),
                                standing.review()
                                        .map(review -> ReviewResource.of(review, request.getT2()))
                                        .orElse(null))));
    }

    @PostMapping
    Mono<ResponseEntity<ReviewResource>> write(@PathVariable String bookId, @Valid @RequestBody ReviewRequest request) {
        return Mono.fromCallable(() -> BookId.parse(bookId))
                .zipWith(readers.current())
                .flatMap(caller -> writing.write(caller.getT1(), caller.getT2(), request.stars(), request.text())
                        .map(review -> ResponseEntity.created(
                                        URI.create("/api/books/" + review.bookId() + "/reviews/" + review.id()))
                                .body(ReviewResource.of(review, caller.getT2()))));
    }

    /** Replaces the caller's own review: its stars and text (text left out or null removes it). */
    @PutMapping("/{reviewId}")
    Mono<ReviewResource> edit(
            @PathVariable String bookId, @PathVariable String reviewId, @Valid @RequestBody ReviewRequest request) {
        return Mono.fromCallable(() -> new Target(BookId.parse(bookId), ReviewId.parse(reviewId)))
                .zipWith(readers.current())
                .flatMap(caller -> writing.edit(
                                caller.getT1().book(),
                                caller.getT1().review(),
                                caller.getT2(),
                                request.stars(),
                                request.text())
                        .map(review -> ReviewResource.of(review, caller.getT2())));
    }

    @DeleteMapping("/{reviewId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String bookId, @PathVariable String reviewId) {
        return Mono.fromCallable(() -> new Target(BookId.parse(bookId), ReviewId.parse(reviewId)))
                .zipWith(readers.current())
                .flatMap(caller ->
                        writing.delete(caller.getT1().book(), caller.getT1().review(), caller.getT2()))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Counts the caller's "helpful" vote, once; voting again changes nothing. Not on the caller's own review. */
    @PostMapping("/{reviewId}/helpful")
    Mono<ReviewResource> helpful(@PathVariable String bookId, @PathVariable String reviewId) {
        return Mono.fromCallable(() -> new Target(BookId.parse(bookId), ReviewId.parse(reviewId)))
                .zipWith(readers.current())
                .flatMap(caller -> voting.helpful(
                                caller.getT1().book(), caller.getT1().review(), caller.getT2())
                        .map(review -> ReviewResource.of(review, Optional.of(caller.getT2()), true)));
    }

    @PostMapping("/{reviewId}/hide")
    Mono<ReviewResource> hide(
            @PathVariable String bookId, @PathVariable String reviewId, @Valid @RequestBody HideRequest request) {
        return Mono.fromCallable(() -> new Target(BookId.parse(bookId), ReviewId.parse(reviewId)))
                .zipWith(readers.current())
                .flatMap(caller -> moderating
                        .hide(caller.getT1().book(), caller.getT1().review(), caller.getT2(), request.reason())
                        .map(review -> ReviewResource.of(review, caller.getT2())));
    }

    @PostMapping("/{reviewId}/unhide")
    Mono<ReviewResource> unhide(@PathVariable String bookId, @PathVariable String reviewId) {
        return Mono.fromCallable(() -> new Target(BookId.parse(bookId), ReviewId.parse(reviewId)))
                .zipWith(readers.current())
                .flatMap(caller -> moderating
                        .unhide(caller.getT1().book(), caller.getT1().review(), caller.getT2())
                        .map(review -> ReviewResource.of(review, caller.getT2())));
    }

    /** The review a request names, by its book and its id. */
    private record Target(BookId book, ReviewId review) {}
}
