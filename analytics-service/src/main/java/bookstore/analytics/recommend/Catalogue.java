package bookstore.analytics.recommend;

import bookstore.analytics.streams.BookFacts;
import bookstore.analytics.streams.StoreNames;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/** What the recommendations ask of the global books store. */
final class Catalogue {

    private final KeyValueStore<String, BookFacts> books;

    Catalogue(ProcessorContext<?, ?> context) {
        this.books = context.getStateStore(StoreNames.BOOKS);
    }

    /**
     * Whether a book may be recommended: not when discontinued (it cannot be ordered any more). Out-of-stock books
     * stay in, as stock moves faster than these lists: the catalogue leaves them out when it serves.
     */
    boolean recommendable(String bookId) {
        BookFacts facts = books.get(bookId);
        return facts == null || !facts.discontinued();
    }

    /** The category a book's sales count under; a book the catalogue does not know is uncategorised. */
    String mainCategory(String bookId) {
        BookFacts facts = books.get(bookId);
        return facts == null ? BookFacts.UNCATEGORISED : facts.mainCategory();
    }
}
