package bookstore.catalog.recommendation.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.catalog.recommendation.application.RecommendationStore;
import bookstore.catalog.recommendation.application.Recommendations;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Recommendations in MongoDB, one document per subject (its id). Keeping the latest is two writes per subject in one
 * ordered bulk write, neither of which can fail on a record that is there already: an upsert that writes only when
 * it inserts (a subject seen for the first time), then an update that matches only a record computed earlier.
 */
@Repository
class MongoRecommendations implements RecommendationStore {

    private static final String COMPUTED_AT = "computedAt";

    private final ReactiveMongoTemplate mongo;

    MongoRecommendations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> keepLatest(Collection<Recommendations> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, RecommendationDocument.class);
        for (Recommendations record : records) {
            RecommendationDocument document = toDocument(record);
            bulk.upsert(
                    query(where("_id").is(record.subject())),
                    new Update()
                            .setOnInsert("kind", document.kind())
                            .setOnInsert(COMPUTED_AT, document.computedAt())
                            .setOnInsert("books", document.books())
                            .setOnInsert("purchased", document.purchased()));
            bulk.updateOne(
                    query(where("_id").is(record.subject()).and(COMPUTED_AT).lt(record.computedAt())),
                    new Update()
                            .set("kind", document.kind())
                            .set(COMPUTED_AT, document.computedAt())
                            .set("books", document.books())
                            .set("purchased", document.purchased()));
        }
        return bulk.execute().then();
    }

    @Override
    public Mono<Void> forget(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Mono.empty();
        }
        return mongo.remove(query(where("_id").in(subjects)), RecommendationDocument.class)
                .then();
    }

    @Override
    public Mono<Map<String, Recommendations>> find(Collection<String> subjects) {
        return mongo.find(query(where("_id").in(subjects)), RecommendationDocument.class)
                .map(MongoRecommendations::toRecommendations)
                .collectMap(Recommendations::subject, Function.identity());
    }

    /** An anchored prefix of the id: MongoDB answers it from the id index. */
    @Override
    public Mono<List<Recommendations>> findStartingWith(String prefix) {
        if (!prefix.matches("[a-z]+:")) {
            throw new IllegalArgumentException("a subject prefix is letters and a colon");
        }
        return mongo.find(query(where("_id").regex("^" + prefix)), RecommendationDocument.class)
                .map(MongoRecommendations::toRecommendations)
                .collectList();
    }

    private static RecommendationDocument toDocument(Recommendations record) {
        return new RecommendationDocument(
                record.subject(),
                record.kind(),
                record.computedAt(),
                record.books().stream()
                        .map(book -> new RecommendationDocument.Entry(book.bookId(), book.score(), book.support()))
                        .toList(),
                record.purchased());
    }

    private static Recommendations toRecommendations(RecommendationDocument document) {
        List<Recommendations.Recommended> books = document.books() == null
                ? List.of()
                : document.books().stream()
                        .map(entry -> new Recommendations.Recommended(entry.bookId(), entry.score(), entry.support()))
                        .toList();
        return new Recommendations(
                document.subject(), document.kind(), document.computedAt(), books, document.purchased());
    }
}
