package bookstore.payment;

import bookstore.events.Money;
import bookstore.events.order.ChargePayment;
import bookstore.platform.messaging.EventCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the integration tests that play the order saga share: its topics ({@link SagaTopics}), the
 * commands it sends, and reads of our payments and of the sandbox's own books to hold them against.
 */
abstract class PlayingTheSaga {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    SagaTopics saga;

    @BeforeEach
    void playTheSaga() {
        saga = new SagaTopics(kafka, codec, bootstrapServers);
    }

    @AfterEach
    void stopPlaying() {
        saga.close();
    }

    /** A charge of a new order of a new customer. */
    static ChargePayment charge(String paymentMethod, long amount) {
        return new ChargePayment(
                UUID.randomUUID(),
                Instant.now(),
                "order-" + UUID.randomUUID(),
                "customer-" + UUID.randomUUID(),
                new Money(amount, "CNY"),
                paymentMethod,
                null);
    }

    String paymentId(String orderId) {
        return text("SELECT id::text FROM payment WHERE order_id = :order", orderId);
    }

    String status(String orderId) {
        return text("SELECT status FROM payment WHERE order_id = :order", orderId);
    }

    long capturedByProvider(String orderId) {
        return capturedByProvider(List.of(orderId));
    }

    long refundedByProvider(String orderId) {
        return refundedByProvider(List.of(orderId));
    }

    /** What the sandbox holds of the orders' money: captured, less refunded. */
    long keptByProvider(List<String> orders) {
        return capturedByProvider(orders) - refundedByProvider(orders);
    }

    private long capturedByProvider(List<String> orders) {
        return sumOf(
                "SELECT coalesce(sum(amount), 0) FROM sandbox_payment_intent WHERE status = 'succeeded'"
                        + " AND order_id = ANY(:orders)",
                orders);
    }

    private long refundedByProvider(List<String> orders) {
        return sumOf(
                "SELECT coalesce(sum(r.amount), 0) FROM sandbox_refund r JOIN sandbox_payment_intent i"
                        + " ON i.id = r.payment_intent WHERE i.order_id = ANY(:orders)",
                orders);
    }

    /** The one text value a query about an order reads ({@code :order}). */
    String text(String sql, String orderId) {
        return database.sql(sql)
                .bind("order", orderId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    /** The one number a query about an order reads ({@code :order}). */
    long count(String sql, String orderId) {
        return database.sql(sql)
                .bind("order", orderId)
                .map(row -> row.get(0, Number.class).longValue())
                .one()
                .block();
    }

    /** The one number a query about orders reads ({@code :orders}). */
    long sumOf(String sql, List<String> orders) {
        return database.sql(sql)
                .bind("orders", orders.toArray(String[]::new))
                .map(row -> row.get(0, Number.class).longValue())
                .one()
                .block();
    }
}
