package bookstore.events;

import bookstore.events.catalog.BookEvent;
import bookstore.events.user.UserEvent;
import java.util.List;

/**
 * The topic catalogue: every topic the bookstore publishes to, declared once. Services create these
 * topics (and their dead-letter topics) at start-up, and producers and consumers take names and
 * event types from here, never from string literals.
 */
public final class Topics {

    public static final Topic<BookEvent> CATALOG_BOOKS = new Topic<>("catalog.books.v1", "bookId", BookEvent.class, 3);

    public static final Topic<UserEvent> USER_EVENTS = new Topic<>("users.events.v1", "userId", UserEvent.class, 3);

    private static final List<Topic<?>> ALL = List.of(CATALOG_BOOKS, USER_EVENTS);

    private Topics() {}

    public static List<Topic<?>> all() {
        return ALL;
    }
}
