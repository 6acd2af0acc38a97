package bookstore.catalog.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import bookstore.catalog.book.domain.BookId;
import bookstore.catalog.review.application.Purchase;
import bookstore.catalog.review.application.VerifiedPurchases;
import java.util.Collection;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Verified purchases in MongoDB, upserted by their id (customer and book), which makes recording them idempotent. */
@Repository
class MongoVerifiedPurchases implements VerifiedPurchases {

    private final ReactiveMongoTemplate mongo;

    MongoVerifiedPurchases(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> record(Collection<Purchase> purchases) {
        if (purchases.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PurchaseDocument.class);
        for (Purchase purchase : purchases) {
            String bookId = purchase.bookId().toString();
            // Only an insert writes: a purchase known already keeps the order that first made it.
            bulk.upsert(
                    query(where("_id").is(PurchaseDocument.idOf(purchase.customer(), bookId))),
                    new Update()
                            .setOnInsert("customer", purchase.customer())
                            .setOnInsert("bookId", bookId)
                            .setOnInsert("orderId", purchase.orderId())
                            .setOnInsert("deliveredAt", purchase.deliveredAt()));
        }
        return bulk.execute().then();
    }

    @Override
    public Mono<Void> forget(Collection<String> customers) {
        if (customers.isEmpty()) {
            return Mono.empty();
        }
        return mongo.remove(query(where("customer").in(customers)), PurchaseDocument.class)
                .then();
    }

    @Override
    public Mono<Boolean> exists(String customer, BookId bookId) {
        return mongo.exists(
                query(where("_id").is(PurchaseDocument.idOf(customer, bookId.toString()))), PurchaseDocument.class);
    }
}
