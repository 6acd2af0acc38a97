package bookstore.catalog.review.application;

import bookstore.catalog.book.domain.BookId;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Learns from order-service's deliveries who bought which books, a batch at a time with one write: the verified
 * buyers who may review them. Idempotent by state (a customer and a book make one purchase, kept as first recorded),
 * so a redelivery or a replay of the whole topic changes nothing. Deliveries recorded before the contract carried the
 * customer and the lines (schema version 1) name nobody and are passed over.
 */
@Service
public class RecordingPurchases {

    private static final Logger log = LoggerFactory.getLogger(RecordingPurchases.class);

    private final VerifiedPurchases purchases;

    RecordingPurchases(VerifiedPurchases purchases) {
        this.purchases = purchases;
    }

    public Mono<Void> on(List<OrderDelivered> deliveries) {
        Map<String, Purchase> earliest = new LinkedHashMap<>();
        for (OrderDelivered delivered : deliveries) {
            if (delivered.customer() == null || delivered.lines() == null) {
                continue;
            }
            for (OrderLine line : delivered.lines()) {
                bookId(line.bookId())
                        .ifPresentOrElse(
                                book -> earliest.putIfAbsent(
                                        delivered.customer() + ":" + book,
                                        new Purchase(
                                                delivered.customer(),
                                                book,
                                                delivered.orderId(),
                                                delivered.occurredAt())),
                                () -> log.warn(
                                        "Order {} delivered a book id the catalogue never issued: {}",
                                        delivered.orderId(),
                                        line.bookId()));
            }
        }
        return purchases.record(earliest.values());
    }

    private static Optional<BookId> bookId(String text) {
        try {
            return Optional.of(new BookId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
