package bookstore.catalog.book.persistence;

import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes the catalogue relies on, created before anything reads or writes books: the unique ISBN
 * is what turns a second book with the same ISBN into a refused write, even across replicas. Creating
 * an index that exists already changes nothing, so every replica may ask at every start.
 */
@Component
class BookCollection implements InitializingBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    BookCollection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(BookDocument.class);
        Flux.concat(
                        indexes.createIndex(new Index()
                                .on("isbn", Sort.Direction.ASC)
                                .unique()
                                .named("isbn_unique")),
                        indexes.createIndex(new Index()
                                .on("pendingEvents.eventId", Sort.Direction.ASC)
                                .sparse()
                                .named("pending_events")),
                        // The admin's catalogue listing, most recently updated first, of every status or of one.
                        indexes.createIndex(new Index()
                                .on("updatedAt", Sort.Direction.DESC)
                                .on("_id", Sort.Direction.ASC)
                                .named("by_update")),
                        indexes.createIndex(new Index()
                                .on("status", Sort.Direction.ASC)
                                .on("updatedAt", Sort.Direction.DESC)
                                .on("_id", Sort.Direction.ASC)
                                .named("by_status_and_update")),
                        // Other replicas' search indexes look for the ratings stored since they last looked.
                        indexes.createIndex(new Index()
                                .on("rating.changedAt", Sort.Direction.ASC)
                                .sparse()
                                .named("by_rating_change")))
                .then()
                .block(TIMEOUT);
    }
}
