package bookstore.catalog.search.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finds books in this replica's search index. The index lives in memory, so a search is pure CPU
 * work of a millisecond or two and runs on the calling thread.
 */
@Service
public class SearchingBooks {

    public static final int MAX_SUGGESTIONS = 10;

    private final SearchIndex index;
    private final Timer searches;
    private final Timer suggestions;

    SearchingBooks(SearchIndex index, MeterRegistry meters) {
        this.index = index;
        this.searches = timer("search", meters);
        this.suggestions = timer("suggest", meters);
    }

    public Mono<SearchPage> search(SearchCriteria criteria) {
        return Mono.fromCallable(() -> searches.recordCallable(() -> index.search(criteria)));
    }

    public Mono<List<Suggestion>> suggest(String prefix, int limit) {
        return Mono.fromCallable(
                () -> suggestions.recordCallable(() -> index.suggest(prefix, Math.min(limit, MAX_SUGGESTIONS))));
    }

    /** The index's own time, without the HTTP server's: what a slower index or a larger catalogue changes. */
    private static Timer timer(String operation, MeterRegistry meters) {
        return Timer.builder("bookstore.catalog.search")
                .description("Time the search index took to answer a search or a suggestion")
                .tag("operation", operation)
                .publishPercentileHistogram()
                .register(meters);
    }
}
