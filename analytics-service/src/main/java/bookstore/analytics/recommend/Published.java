package bookstore.analytics.recommend;

import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.util.List;

/**
 * What a subject's record says: its books and, for a customer, what they bought. Kept per subject once published, so
 * the same content is not published again.
 */
record Published(List<RecommendedBook> books, List<String> purchased) {

    static final Published NOTHING = new Published(List.of(), List.of());

    Published {
        books = books == null ? List.of() : List.copyOf(books);
        purchased = purchased == null ? List.of() : List.copyOf(purchased);
    }

    static Published of(List<RecommendedBook> books) {
        return new Published(books, List.of());
    }
}
