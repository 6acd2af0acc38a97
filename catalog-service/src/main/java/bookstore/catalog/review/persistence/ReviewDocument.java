package bookstore.catalog.review.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A review as MongoDB stores it. {@link #helpfulVoters} holds the pseudonyms of the readers who found it helpful, so
 * a vote is counted once with one conditional write; only that guard and the "which did I vote for" question read it,
 * it is left out whenever reviews are listed.
 */
@Document(ReviewDocument.COLLECTION)
record ReviewDocument(
        @Id String id,
        String bookId,
        String author,
        int rating,
        String text,
        Instant createdAt,
        Instant updatedAt,
        boolean edited,
        long helpful,
        List<String> helpfulVoters,
        Hidden hidden) {

    static final String COLLECTION = "reviews";

    record Hidden(String reason, Instant hiddenAt) {}
}
