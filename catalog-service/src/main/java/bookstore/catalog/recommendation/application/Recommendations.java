package bookstore.catalog.recommendation.application;

import bookstore.events.analytics.RecommendationsComputed;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Analytics' latest recommendations for one subject, as the catalogue keeps them: a book's books bought with it, a
 * customer's personal picks (with every book they bought), a category's bestsellers.
 *
 * @param subject {@code book:<bookId>}, {@code customer:<pseudonym>} or {@code category:<name>}
 * @param kind {@code BOUGHT_TOGETHER}, {@code PERSONAL} or {@code CATEGORY_BESTSELLERS}, as analytics names it
 * @param computedAt when analytics computed them: a record computed earlier never replaces these
 * @param books the recommended books, best first
 * @param purchased for a customer, the books they bought; empty otherwise
 */
public record Recommendations(
        String subject, String kind, Instant computedAt, List<Recommended> books, List<String> purchased) {

    private static final String BOOK = "book:";
    private static final String CUSTOMER = "customer:";

    /** What every category's subject starts with ({@code category:<name>}). */
    public static final String CATEGORY = "category:";

    public Recommendations {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(computedAt, "computedAt");
        books = books == null ? List.of() : List.copyOf(books);
        purchased = purchased == null ? List.of() : List.copyOf(purchased);
    }

    public static Recommendations of(RecommendationsComputed computed) {
        return new Recommendations(
                computed.subject(),
                computed.kind(),
                computed.occurredAt(),
                computed.books() == null
                        ? List.of()
                        : computed.books().stream()
                                .map(book -> new Recommended(book.bookId(), book.score(), book.support()))
                                .toList(),
                computed.purchased());
    }

    /** The subject of the books bought together with a book. */
    public static String ofBook(String bookId) {
        return BOOK + bookId;
    }

    /** The subject of a customer's personal picks, by their pseudonym. */
    public static String ofCustomer(String pseudonym) {
        return CUSTOMER + pseudonym;
    }

    /** The ids of the recommended books, best first. */
    public List<String> bookIds() {
        return books.stream().map(Recommended::bookId).toList();
    }

    public boolean isNewerThan(Recommendations other) {
        return computedAt.isAfter(other.computedAt);
    }

    /**
     * One recommended book.
     *
     * @param score how strongly, comparable within one list only
     * @param support how many orders (or copies, for bestsellers) the score rests on
     */
    public record Recommended(String bookId, double score, long support) {}
}
