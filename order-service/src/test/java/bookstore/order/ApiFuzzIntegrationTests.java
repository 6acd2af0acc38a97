package bookstore.order;

import static bookstore.order.Callers.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.events.Topics;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.openapi.ApiFuzzContract;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the order service's OpenAPI document, fuzzed with malformed and boundary values as nobody, a
 * customer and an admin: no 5xx, every 4xx the shop's problem, and a refused request neither places an order nor
 * changes the cart. A book the service sells and an order of the fuzzing customer stand behind the ids, so the damage
 * meets the handlers, not just a 404.
 */
@OrderServiceTest
class ApiFuzzIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        String bookId;
        try (SagaTraffic traffic = new SagaTraffic(bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS)) {
            bookId = new TestCatalogue(traffic, database).add("三体 (fuzzed)", 2300);
        }
        String customerId = Callers.newCustomerId();
        WebTestClient customer = Callers.customer(http, customerId);
        String orderId = (String) customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(bookId, 1))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("order-service")
                .callers(http, customer, Callers.admin(http))
                .knowing("id", orderId)
                .knowing("bookId", bookId)
                .knowing("customerId", customerId)
                .knowing("currency", "CNY")
                .knowing("country", "CN")
                .knowing("paymentMethod", "pm_card_visa")
                .unchangedByRefusals(() -> database.sql("""
                                SELECT (SELECT count(*) FROM customer_order WHERE customer_id = :customer)
                                       || '/' || (SELECT coalesce(string_agg(book_id || 'x' || quantity, ','), '')
                                                  FROM cart_item WHERE customer_id = :customer) AS state
                                """)
                        .bind("customer", customerId)
                        .map(row -> row.get("state", String.class))
                        .one()
                        .block())
                .triesPerOperation(20)
                .run();

        assertThat(fuzzed.operations()).isEqualTo(26);
    }
}
