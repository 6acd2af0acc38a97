package bookstore.catalog.book.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A book as MongoDB stores it, including the events that report its latest changes and have not yet
 * been published ({@link #pendingEvents}): the book's own outbox.
 *
 * <p>{@link #salesRevision} counts the sales facts {@link #unitsSold} took in (see {@code Sales}); books
 * counted before returns were have none, read as 0.
 */
@Document(BookDocument.COLLECTION)
record BookDocument(
        @Id String id,
        long version,
        String isbn,
        String title,
        String subtitle,
        List<String> authors,
        List<String> translators,
        String publisher,
        String publicationDate,
        String language,
        List<String> categories,
        Integer pageCount,
        String format,
        String edition,
        String description,
        String coverImage,
        Price price,
        String status,
        Stock stock,
        long unitsSold,
        Long salesRevision,
        Rated rating,
        Instant createdAt,
        Instant updatedAt,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "books";

    record Price(long amount, String currency) {}

    /** Inventory's latest figure and the version of its stock record it came with. */
    record Stock(int available, long version) {}

    /**
     * Readers' rating: the latest tally of the book's visible reviews, its revision (see {@code Rating}) and when it
     * was stored, by which other replicas' search indexes find the ratings that changed. Absent until someone rates
     * the book. The revisions handed out so far are counted apart, in {@code ratingRevisions}, which only the tally
     * increments.
     */
    record Rated(long count, long sum, long revision, Instant changedAt) {}

    /** One event of {@code catalog.books.v1}, encoded as it will be published. */
    record PendingEvent(String eventId, String type, String payload, Instant occurredAt, String traceparent) {}
}
