package bookstore.catalog.book.persistence;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code mongo} health of the readiness group, checked with {@code ping}. Boot's own indicator
 * asks {@code hello}, which the Mongo wire server used locally does not know, so the catalogue would
 * never be ready there; {@code ping} is answered by every MongoDB and by the wire server alike.
 */
@Component("mongoHealthIndicator")
class CatalogueDatabaseHealth extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    CatalogueDatabaseHealth(ReactiveMongoTemplate mongo) {
        super("MongoDB is not reachable");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase().flatMap(database -> Mono.from(database.runCommand(new Document("ping", 1)))
                .thenReturn(
                        builder.up().withDetail("database", database.getName()).build()));
    }
}
