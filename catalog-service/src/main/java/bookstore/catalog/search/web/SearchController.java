package bookstore.catalog.search.web;

import bookstore.catalog.search.application.SearchCriteria;
import bookstore.catalog.search.application.SearchPage;
import bookstore.catalog.search.application.SearchingBooks;
import bookstore.catalog.search.application.Suggestion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Searching the catalogue and completing a search box; open to anyone. */
@RestController
@RequestMapping("/api/books")
@Validated
class SearchController {

    private final SearchingBooks searching;

    SearchController(SearchingBooks searching) {
        this.searching = searching;
    }

    /** The parameters are read and checked by {@link SearchParametersResolver}; bad ones answer 400. */
    @GetMapping
    Mono<SearchPage> search(SearchParameters parameters) {
        return searching.search(parameters.toCriteria());
    }

    @GetMapping("/suggest")
    Mono<Suggestions> suggest(
            @RequestParam @NotBlank @Size(max = SearchCriteria.MAX_QUERY) String q,
            @RequestParam(defaultValue = "8") int limit) {
        return searching.suggest(q, limit).map(Suggestions::new);
    }

    record Suggestions(List<Suggestion> suggestions) {}
}
