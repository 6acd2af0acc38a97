package bookstore.catalog.search.index;

import bookstore.catalog.book.application.BookStoredListener;
import bookstore.catalog.book.domain.Book;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A book this replica stores is searchable here before the request that stored it answers. */
@Component
class IndexingStoredBooks implements BookStoredListener {

    private final BookIndex index;

    IndexingStoredBooks(BookIndex index) {
        this.index = index;
    }

    @Override
    public Mono<Void> stored(Book book) {
        return Mono.fromRunnable(() -> index.put(book));
    }
}
