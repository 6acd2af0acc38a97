package bookstore.events.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The current recommendations for one subject, replacing the ones before (the topic is compacted to the latest per
 * subject).
 *
 * @param subject {@code book:<bookId>} (bought together), {@code customer:<pseudonym>} (personal picks) or
 *     {@code category:<name>} (bestsellers of the category over a sliding window)
 * @param kind {@code BOUGHT_TOGETHER}, {@code PERSONAL} or {@code CATEGORY_BESTSELLERS}
 * @param books the recommended books, best first
 * @param purchased for a customer, the books they have bought (so a reader can leave them out of other lists);
 *     empty for other subjects
 */
public record RecommendationsComputed(
        UUID eventId,
        Instant occurredAt,
        String subject,
        String kind,
        List<RecommendedBook> books,
        List<String> purchased)
        implements RecommendationEvent {

    /**
     * One recommended book.
     *
     * @param score how strongly it is recommended, comparable within one list only (a similarity for bought
     *     together and personal picks, copies sold in the window for bestsellers)
     * @param support how many orders (or copies, for bestsellers) the score rests on
     */
    public record RecommendedBook(String bookId, double score, long support) {}
}
