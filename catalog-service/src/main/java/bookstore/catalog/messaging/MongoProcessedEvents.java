package bookstore.catalog.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.platform.messaging.ProcessedEvents;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Remembers which events each consumer of the catalogue has handled, in MongoDB.
 *
 * <p>What it guarantees, without multi-document transactions: the id is recorded only after the
 * handler's work succeeded, so a failed handler is retried and nothing is ever skipped
 * (at-least-once). It does not make the work and the record one atomic step: if the process dies
 * between them, the event is handled again on redelivery. Handlers must therefore be idempotent on
 * their own, as the availability update is (it applies a stock version only once); this record spares
 * them the repeated work in the common case of a plain redelivery.
 *
 * <p>Records expire after {@link #RETENTION}, longer than any topic here retains a record.
 */
@Component
class MongoProcessedEvents implements ProcessedEvents, InitializingBean {

    static final String COLLECTION = "processed_events";
    static final Duration RETENTION = Duration.ofDays(30);

    private final ReactiveMongoTemplate mongo;

    MongoProcessedEvents(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("processedAt", Sort.Direction.ASC)
                        .expire(RETENTION)
                        .named("processed_events_expiry"))
                .block(Duration.ofSeconds(30));
    }

    @Override
    public Mono<Void> once(String consumer, UUID eventId, Supplier<Mono<Void>> work) {
        String key = consumer + "/" + eventId;
        return mongo.exists(query(where("_id").is(key)), COLLECTION)
                .flatMap(seen -> seen ? Mono.<Void>empty() : work.get().then(record(key, consumer, eventId)));
    }

    private Mono<Void> record(String key, String consumer, UUID eventId) {
        Document processed = new Document("_id", key)
                .append("consumer", consumer)
                .append("eventId", eventId.toString())
                .append("processedAt", new Date());
        return mongo.insert(processed, COLLECTION)
                // A concurrent redelivery recorded it first; the work was idempotent anyway.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }
}
