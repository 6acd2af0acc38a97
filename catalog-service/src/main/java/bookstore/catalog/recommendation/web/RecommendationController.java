package bookstore.catalog.recommendation.web;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.recommendation.application.BookRecommendations;
import bookstore.catalog.recommendation.application.Picks;
import bookstore.catalog.recommendation.application.RecommendingBooks;
import bookstore.catalog.review.application.Reader;
import bookstore.catalog.review.web.Readers;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Recommendations for shoppers: with a book, for anyone (a signed-in customer's purchases are left out), and for the
 * signed-in customer themselves, known as reviews know them: by the pseudonym analytics keys their record with (the
 * access token's subject under the shared key, docs/adr/0013), never by the account id. Who may call what is decided
 * in {@code config.SecurityConfiguration}.
 *
 * <p>A book's recommendations for an anonymous shopper are the same for everyone, so they are public for {@code
 * bookstore.catalog.search.shared-max-age} like search results; a signed-in customer's are theirs alone and never
 * stored by a shared cache (the gateway's stores no answer to a request with a token either).
 */
@RestController
@Validated
@Tag(name = "recommendations", description = "Bought together, personal picks and category bestsellers")
class RecommendationController {

    private final RecommendingBooks recommending;
    private final Readers readers;
    private final CacheControl shareable;

    RecommendationController(
            RecommendingBooks recommending,
            Readers readers,
            @Value("${bookstore.catalog.search.shared-max-age}") Duration sharedMaxAge) {
        this.recommending = recommending;
        this.readers = readers;
        this.shareable = CacheControl.maxAge(sharedMaxAge).cachePublic();
    }

    @GetMapping("/api/books/{id}/recommendations")
    Mono<ResponseEntity<BookRecommendations>> forBook(
            @PathVariable String id,
            @RequestParam(defaultValue = "" + RecommendingBooks.DEFAULT_LIMIT) @Min(1) @Max(RecommendingBooks.MAX_LIMIT)
                    int limit) {
        return Mono.fromCallable(() -> BookId.parse(id))
                .zipWith(readers.ifSignedIn().map(caller -> caller.map(Reader::customer)))
                .flatMap(request -> recommending
                        .forBook(request.getT1(), request.getT2(), limit)
                        .map(recommendations -> ResponseEntity.ok()
                                .cacheControl(request.getT2().isPresent() ? CacheControl.noStore() : shareable)
                                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                                .body(recommendations)));
    }

    @GetMapping("/api/recommendations/me")
    Mono<ResponseEntity<Picks>> forMe(
            @RequestParam(defaultValue = "" + RecommendingBooks.DEFAULT_LIMIT) @Min(1) @Max(RecommendingBooks.MAX_LIMIT)
                    int limit) {
        return readers.current()
                .flatMap(caller -> recommending.forCustomer(caller.customer(), limit))
                .map(picks ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(picks));
    }
}
