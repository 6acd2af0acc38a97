package bookstore.catalog.search.application;

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

    SearchingBooks(SearchIndex index) {
        this.index = index;
    }

    public Mono<SearchPage> search(SearchCriteria criteria) {
        return Mono.fromCallable(() -> index.search(criteria));
    }

    public Mono<List<Suggestion>> suggest(String prefix, int limit) {
        return Mono.fromCallable(() -> index.suggest(prefix, Math.min(limit, MAX_SUGGESTIONS)));
    }
}
