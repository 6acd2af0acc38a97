package bookstore.order.metrics;

import static bookstore.order.Callers.checkout;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Topics;
import bookstore.order.SagaTraffic;
import bookstore.order.Scrapes;
import bookstore.order.TestCatalogue;
import bookstore.order.ordering.application.TimingOutOrders;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * bookstore_orders_overdue and bookstore_orders_overdue_oldest_seconds, as Prometheus scrapes them:
 * an order nobody answers shows as overdue once its stock timeout has passed, for as long as nothing
 * cancels it (the timeout scan, which this context runs only once an hour), and no longer once the
 * timeout has cancelled it.
 *
 * <p>A context of its own (one-second stock timeout, scan held back, own database, own consumer
 * groups), so no other order counts and no scan ends the order before the gauge is read.
 */
@SpringBootTest(
        properties = {
            "spring.application.name=order-service-overdue",
            "bookstore.orders.stock-timeout=1s",
            "bookstore.orders.timeout-scan-interval=1h",
            "bookstore.orders.metrics.overdue-interval=200ms",
            "bookstore.outbox.poll-interval=100ms",
            "bookstore.messaging.retry-interval=50ms",
            "logging.structured.format.console="
        })
@AutoConfigureWebTestClient(timeout = "30s")
@RealKafka
@RealPostgres
class OverdueOrdersIntegrationTests {

    private static final Pattern OVERDUE = Pattern.compile("(?m)^bookstore_orders_overdue\\{[^}]*} ([0-9.Ee+-]+|NaN)$");
    private static final Pattern OLDEST =
            Pattern.compile("(?m)^bookstore_orders_overdue_oldest_seconds\\{[^}]*} ([0-9.Ee+-]+|NaN)$");

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Autowired
    TimingOutOrders timeouts;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    SagaTraffic traffic;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void anOrderPastItsDeadlineIsOverdueUntilItsTimeoutEndsIt() {
        String book = new TestCatalogue(traffic, database).add("The Overdue Order", 1_900);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(overdue()).isZero());

        String orderId = place(book);
        // Inventory never answers: a second later the order is past its deadline and stays so.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(overdue()).isEqualTo(1.0);
            assertThat(oldestSeconds()).isPositive();
        });
        double first = oldestSeconds();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(oldestSeconds()).isGreaterThan(first));
        assertThat(status(orderId)).isEqualTo("PENDING");

        assertThat(timeouts.cancelOverdue().block(Duration.ofSeconds(10))).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(overdue()).isZero();
            assertThat(oldestSeconds()).isZero();
        });
        assertThat(status(orderId)).isEqualTo("CANCELLED");
    }

    private String place(String book) {
        Map<?, ?> order = customer(http, newCustomerId())
                .post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(book, 1))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) order.get("id");
    }

    private String status(String orderId) {
        return database.sql("SELECT status FROM customer_order WHERE id = :id")
                .bind("id", UUID.fromString(orderId))
                .map(row -> row.get("status", String.class))
                .one()
                .block(Duration.ofSeconds(5));
    }

    private double overdue() {
        return value(OVERDUE);
    }

    private double oldestSeconds() {
        return value(OLDEST);
    }

    private double value(Pattern series) {
        String scrape = Scrapes.prometheus(http);
        Matcher matcher = series.matcher(scrape);
        assertThat(matcher.find()).as("the scrape shows %s", series).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
