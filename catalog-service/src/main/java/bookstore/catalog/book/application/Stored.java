package bookstore.catalog.book.application;

import bookstore.catalog.book.domain.Book;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tells the listeners about a stored book; a listener's failure never undoes or fails the write. */
final class Stored {

    private static final Logger log = LoggerFactory.getLogger(Stored.class);

    private Stored() {}

    static Mono<Book> announce(Book book, List<BookStoredListener> listeners) {
        return Flux.fromIterable(listeners)
                .concatMap(listener -> listener.stored(book).onErrorResume(e -> {
                    // The write is durable; the read model catches up from the catalogue's events.
                    log.warn("A read model missed book {}; it will catch up from events", book.id(), e);
                    return Mono.empty();
                }))
                .then(Mono.just(book));
    }
}
