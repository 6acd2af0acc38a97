package bookstore.catalog.review.persistence;

import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes reviews rely on, created before anything reads or writes them: the unique author per book is what
 * refuses a reader's second review of a book, even when two arrive at once on two replicas.
 */
@Component
class ReviewCollections implements InitializingBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    ReviewCollections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var reviews = mongo.indexOps(ReviewDocument.class);
        Flux.concat(
                        reviews.createIndex(new Index()
                                .on("bookId", Sort.Direction.ASC)
                                .on("author", Sort.Direction.ASC)
                                .unique()
                                .named("one_per_author_and_book")),
                        reviews.createIndex(new Index()
                                .on("bookId", Sort.Direction.ASC)
                                .on("createdAt", Sort.Direction.DESC)
                                .on("_id", Sort.Direction.ASC)
                                .named("newest_per_book")),
                        reviews.createIndex(new Index()
                                .on("bookId", Sort.Direction.ASC)
                                .on("helpful", Sort.Direction.DESC)
                                .on("createdAt", Sort.Direction.DESC)
                                .on("_id", Sort.Direction.ASC)
                                .named("most_helpful_per_book")))
                .then()
                .block(TIMEOUT);
    }
}
