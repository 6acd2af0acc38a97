package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import reactor.core.publisher.Mono;

/**
 * Told about every book this replica stores, right after the write, so read models of this replica
 * (the search index) reflect it before the request answers. Other replicas learn about it from the
 * catalogue's events.
 */
public interface BookStoredListener {

    Mono<Void> stored(Book book);
}
