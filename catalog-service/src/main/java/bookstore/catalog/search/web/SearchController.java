package bookstore.catalog.search.web;

import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SearchPage;
import bookstore.catalog.search.application.SearchingBooks;
import bookstore.catalog.search.application.Suggestion;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Searching the catalogue and completing a search box; open to anyone. The answers are the same for every caller, so
 * they are marked public for {@code bookstore.catalog.search.shared-max-age} (a second by default): the gateway's
 * shared cache answers a popular search again within that second without asking, and a new or changed book shows up
 * at most that much later.
 */
@RestController
@RequestMapping("/api/books")
@Validated
@Tag(name = "search", description = "Search in Chinese and English, with facets and suggestions")
class SearchController {

    private final SearchingBooks searching;
    private final CacheControl shareable;

    SearchController(
            SearchingBooks searching, @Value("${bookstore.catalog.search.shared-max-age}") Duration sharedMaxAge) {
        this.searching = searching;
        this.shareable = CacheControl.maxAge(sharedMaxAge).cachePublic();
    }

    /** The parameters are read and checked by {@link SearchParametersResolver}; bad ones answer 400. */
    @GetMapping
    Mono<ResponseEntity<SearchPage>> search(SearchParameters parameters) {
        return searching.search(parameters.toCriteria()).map(this::shared);
    }

    @GetMapping("/suggest")
    Mono<ResponseEntity<Suggestions>> suggest(
            @RequestParam @NotBlank @Size(max = SearchCriteria.MAX_QUERY) String q,
            @RequestParam(defaultValue = "8") int limit) {
        return searching.suggest(q, limit).map(Suggestions::new).map(this::shared);
    }

    private <T> ResponseEntity<T> shared(T body) {
        return ResponseEntity.ok().cacheControl(shareable).body(body);
    }

    record Suggestions(List<Suggestion> suggestions) {}
}
