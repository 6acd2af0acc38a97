package bookstore.catalog.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.application.ReviewExistsException;
import bookstore.catalog.review.application.ReviewPage;
import bookstore.catalog.review.application.ReviewSort;
import bookstore.catalog.review.application.Reviews;
import bookstore.catalog.review.domain.Moderation;
import bookstore.catalog.review.domain.Review;
import bookstore.catalog.review.domain.ReviewId;
import bookstore.catalog.review.domain.Stars;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reviews in MongoDB, one document each; every change is one single-document write. */
@Repository
class MongoReviews implements Reviews {

    private static final String BOOK = "bookId";
    private static final String AUTHOR = "author";
    private static final String HIDDEN = "hidden";
    private static final String HELPFUL = "helpful";
    private static final String VOTERS = "helpfulVoters";
    private static final String CREATED = "createdAt";

    private final ReactiveMongoTemplate mongo;

    MongoReviews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Review> add(Review review) {
        return mongo.insert(toDocument(review))
                .map(MongoReviews::toReview)
                .onErrorResume(DuplicateKeyException.class, duplicate -> findByAuthor(review.bookId(), review.author())
                        .map(Review::id)
                        .map(ReviewExistsException::new)
                        .defaultIfEmpty(new ReviewExistsException(null))
                        .flatMap(Mono::error));
    }

    @Override
    public Mono<Review> find(ReviewId id) {
        return mongo.findOne(withoutVoters(query(where("_id").is(id.toString()))), ReviewDocument.class)
                .map(MongoReviews::toReview);
    }

    @Override
    public Mono<Review> findByAuthor(BookId bookId, String author) {
        return mongo.findOne(
                        withoutVoters(query(
                                where(BOOK).is(bookId.toString()).and(AUTHOR).is(author))),
                        ReviewDocument.class)
                .map(MongoReviews::toReview);
    }

    @Override
    public Mono<Review> storeEdit(Review edited) {
        return change(
                edited,
                new Update()
                        .set("rating", edited.rating().value())
                        .set("text", edited.text().orElse(null))
                        .set("updatedAt", edited.updatedAt())
                        .set("edited", edited.edited()));
    }

    @Override
    public Mono<Review> storeModeration(Review moderated) {
        Update update = moderated
                .moderation()
                .map(hidden -> new Update().set(HIDDEN, new ReviewDocument.Hidden(hidden.reason(), hidden.hiddenAt())))
                .orElseGet(() -> new Update().unset(HIDDEN));
        return change(moderated, update);
    }

    private Mono<Review> change(Review review, Update update) {
        return mongo.findAndModify(
                        withoutVoters(query(where("_id").is(review.id().toString()))),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        ReviewDocument.class)
                .map(MongoReviews::toReview);
    }

    @Override
    public Mono<Boolean> delete(ReviewId id, String author) {
        return mongo.remove(query(where("_id").is(id.toString()).and(AUTHOR).is(author)), ReviewDocument.class)
                .map(result -> result.getDeletedCount() == 1);
    }

    @Override
    public Mono<ReviewPage> page(BookId bookId, ReviewSort sort, int page, int size, boolean withHidden) {
        Criteria criteria = where(BOOK).is(bookId.toString());
        if (!withHidden) {
            criteria = criteria.and(HIDDEN).exists(false);
        }
        Sort order =
                switch (sort) {
                    case NEWEST -> Sort.by(Sort.Order.desc(CREATED), Sort.Order.asc("_id"));
                    case HELPFUL -> Sort.by(Sort.Order.desc(HELPFUL), Sort.Order.desc(CREATED), Sort.Order.asc("_id"));
                };
        Query listed = withoutVoters(query(criteria))
                .with(order)
                .skip((long) page * size)
                .limit(size);
        return Mono.zip(
                mongo.find(listed, ReviewDocument.class)
                        .map(MongoReviews::toReview)
                        .collectList(),
                mongo.count(query(criteria), ReviewDocument.class),
                (items, total) -> new ReviewPage(items, page, size, total));
    }

    @Override
    public Mono<Set<ReviewId>> votedBy(String customer, Collection<ReviewId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        Query voted = query(where("_id")
                .in(ids.stream().map(ReviewId::toString).toList())
                .and(VOTERS)
                .is(customer));
        voted.fields().include("_id");
        return mongo.find(voted, Document.class, ReviewDocument.COLLECTION)
                .map(found -> new ReviewId(UUID.fromString(found.getString("_id"))))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One conditional write: it matches only while the customer's vote is not among the review's. */
    @Override
    public Mono<Boolean> voteHelpful(ReviewId id, String customer) {
        return mongo.updateFirst(
                        query(where("_id").is(id.toString()).and(VOTERS).ne(customer)),
                        new Update().inc(HELPFUL, 1).push(VOTERS, customer),
                        ReviewDocument.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Void> forgetAuthors(Collection<String> authors) {
        if (authors.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, ReviewDocument.class);
        for (String author : authors) {
            bulk.updateMulti(
                    query(where(AUTHOR).is(author)),
                    new Update().set(AUTHOR, Review.closedAuthor()).unset("text"));
        }
        bulk.updateMulti(query(where(VOTERS).in(authors)), new Update().pullAll(VOTERS, authors.toArray()));
        return bulk.execute().then();
    }

    @Override
    public Mono<Tally> tally(BookId bookId) {
        Aggregation visible = Aggregation.newAggregation(
                Aggregation.match(where(BOOK).is(bookId.toString()).and(HIDDEN).exists(false)),
                Aggregation.group().count().as("count").sum("rating").as("sum"));
        return mongo.aggregate(visible, ReviewDocument.COLLECTION, Document.class)
                .next()
                .map(sums -> new Tally(number(sums, "count"), number(sums, "sum")))
                .defaultIfEmpty(new Tally(0, 0));
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static Query withoutVoters(Query query) {
        query.fields().exclude(VOTERS);
        return query;
    }

    private static ReviewDocument toDocument(Review review) {
        return new ReviewDocument(
                review.id().toString(),
                review.bookId().toString(),
                review.author(),
                review.rating().value(),
                review.text().orElse(null),
                review.createdAt(),
                review.updatedAt(),
                review.edited(),
                review.helpful(),
                List.of(),
                review.moderation()
                        .map(hidden -> new ReviewDocument.Hidden(hidden.reason(), hidden.hiddenAt()))
                        .orElse(null));
    }

    private static Review toReview(ReviewDocument document) {
        return new Review(
                new ReviewId(UUID.fromString(document.id())),
                new BookId(UUID.fromString(document.bookId())),
                document.author(),
                new Stars(document.rating()),
                Optional.ofNullable(document.text()),
                document.createdAt(),
                document.updatedAt(),
                document.edited(),
                document.helpful(),
                Optional.ofNullable(document.hidden())
                        .map(hidden -> new Moderation(hidden.reason(), hidden.hiddenAt())));
    }
}
