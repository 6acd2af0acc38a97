package bookstore.catalog.recommendation.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Analytics' latest recommendations for one subject: its id is the subject, so there is one per subject. */
@Document(RecommendationDocument.COLLECTION)
record RecommendationDocument(
        @Id String subject, String kind, Instant computedAt, List<Entry> books, List<String> purchased) {

    static final String COLLECTION = "recommendations";

    record Entry(String bookId, double score, long support) {}
}
