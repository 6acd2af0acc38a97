package bookstore.catalog.review.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A verified purchase, one per customer and book: its id is both, so a second delivery finds it. */
@Document(PurchaseDocument.COLLECTION)
record PurchaseDocument(@Id String id, String customer, String bookId, String orderId, Instant deliveredAt) {

    static final String COLLECTION = "verified_purchases";

    static String idOf(String customer, String bookId) {
        return customer + ":" + bookId;
    }
}
