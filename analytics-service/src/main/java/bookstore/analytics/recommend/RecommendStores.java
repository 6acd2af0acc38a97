package bookstore.analytics.recommend;

import org.apache.kafka.streams.state.KeyValueStore;

/** The state stores and repartition topics of the recommendations; the changelog topics are named after them. */
final class RecommendStores {

    /** Each order's books so far, by order id, co-partitioned with the sale lines. */
    static final String BASKETS = "recommend-baskets";

    /** Orders holding both of two books, by {@code <book>\0<other book>}, on the first book's partition. */
    static final String PAIRS = "recommend-pairs";

    /** Orders holding a book, by book id: every task holds all of them (the counts are broadcast). */
    static final String BOOK_ORDERS = "recommend-book-orders";

    /** The books each customer bought, by customer pseudonym. */
    static final String CUSTOMERS = "recommend-customers";

    /** Copies sold per day, category and book, by {@code <yyyymmdd>\0<category>\0<book>}, within the window. */
    static final String CATEGORY_DAYS = "recommend-category-days";

    /** Copies sold within the window per category and book, by {@code <category>\0<book>}. */
    static final String CATEGORY_TOTALS = "recommend-category-totals";

    /** Global: the published bought-together and category lists, by subject, read back from the topic. */
    static final String LISTS = "recommend-lists";

    /** Prefixes of the pending and published stores of each kind of subject (see {@link Publishing}). */
    static final String BOOKS = "recommend-books";

    static final String CUSTOMER_PICKS = "recommend-customer-picks";
    static final String CATEGORIES = "recommend-categories";

    /** Repartition topics (the application id is put before them). */
    static final String CO_PURCHASES_TOPIC = "recommend-co-purchases";

    static final String LINES_BY_CUSTOMER_TOPIC = "recommend-lines-by-customer";
    static final String SALES_BY_CATEGORY_TOPIC = "recommend-sales-by-category";

    /** Separates the parts of a composite key: below every character a name or an id holds, so ranges stay whole. */
    static final String SEP = "\u0000";

    private RecommendStores() {}

    static long count(KeyValueStore<String, Long> counts, String key) {
        Long count = counts.get(key);
        return count == null ? 0 : count;
    }

    /** Adds to a count; a count back at zero is deleted, so the stores hold only what is there. */
    static void add(KeyValueStore<String, Long> counts, String key, long delta) {
        long next = count(counts, key) + delta;
        if (next == 0) {
            counts.delete(key);
        } else {
            counts.put(key, next);
        }
    }
}
