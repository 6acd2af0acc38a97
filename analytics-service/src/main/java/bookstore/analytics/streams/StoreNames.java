package bookstore.analytics.streams;

/** The state stores analytics keeps; their changelog topics are named after them. */
public final class StoreNames {

    /** Global: every book's dimensions, by book id. */
    public static final String BOOKS = "books";

    /** Global: every book's latest stock level, by book id. */
    public static final String STOCK = "stock";

    /** The sale events already counted, by event id, so a redelivered or re-imported one counts once. */
    public static final String SALE_EVENTS_SEEN = "sale-events-seen";

    private StoreNames() {}
}
