package bookstore.order.ordering.messaging;

import static bookstore.order.Callers.checkout;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.IntegrationEvent;
import bookstore.events.Money;
import bookstore.events.Topic;
import bookstore.events.Topics;
import bookstore.events.inventory.StockReserved;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.RefundPayment;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.order.ordering.application.TimingOutOrders;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * Answers that never come: with timeouts of seconds, an order nobody answers is cancelled and
 * compensated, and an answer that finally arrives afterwards is given back.
 *
 * <p>A context of its own (own timeouts, own database) under another application name, so its
 * consumer groups do not share partitions with the other tests' context, which stays alive.
 */
@SpringBootTest(
        properties = {
            "spring.application.name=order-service-timeouts",
            "bookstore.orders.stock-timeout=2s",
            "bookstore.orders.payment-timeout=2s",
            "bookstore.orders.timeout-scan-interval=250ms",
            "bookstore.outbox.poll-interval=100ms",
            "bookstore.messaging.retry-interval=50ms",
            "logging.structured.format.console="
        })
@AutoConfigureWebTestClient(timeout = "30s")
@RealKafka
@RealPostgres
class SagaTimeoutIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    TimingOutOrders timeouts;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    SagaTraffic traffic;
    WebTestClient customer;
    String book;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(
                bootstrapServers,
                kafka,
                codec,
                Topics.CATALOG_BOOKS,
                Topics.INVENTORY_COMMANDS,
                Topics.PAYMENT_COMMANDS,
                Topics.ORDER_EVENTS);
        customer = customer(http, newCustomerId());
        book = new TestCatalogue(traffic, database).add("三体", 2300);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void anOrderInventoryNeverAnswersIsCancelledAndItsStockReleased() {
        String orderId = place();
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);

        awaitCancelledByTimeout(orderId);
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReleaseStock.class);
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId)).isEmpty();

        // Inventory answers at last: the release the timeout sent follows the reserve command in
        // inventory's queue, so what it reserved goes back; the late answer changes nothing, nothing is charged.
        SagaTraffic.Sent late = traffic.send(
                Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
        await().until(() -> traffic.consumed("order-service-timeouts.saga-stock", late));
        await().until(() -> database.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key")
                        .bind("key", orderId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block()
                == 0);
        await().untilAsserted(() -> assertThat(traffic.published(Topics.INVENTORY_COMMANDS, orderId))
                .extracting(command -> command.getClass().getSimpleName())
                .containsExactly("ReserveStock", "ReleaseStock"));
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId)).isEmpty();
    }

    @Test
    void anOrderPaymentNeverAnswersIsCancelledReleasedAndRefundedAndALatePaymentIsLeftToThatRefund() {
        String orderId = place();
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
        awaitCommand(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);

        awaitCancelledByTimeout(orderId);
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReleaseStock.class);
        awaitCommand(Topics.PAYMENT_COMMANDS, orderId, RefundPayment.class);
        assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, OrderCancelled.class))
                .singleElement()
                .satisfies(cancelled -> assertThat(cancelled.reason()).isEqualTo("timeout"));

        traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentSucceeded(UUID.randomUUID(), Instant.now(), orderId, "pay-late", new Money(2300, "CNY")));
        // Taken (the order knows the payment now), and left to the refund the timeout sent: payment gives back
        // whatever it captures once a refund is asked for.
        await().untilAsserted(() -> assertThat(database.sql("SELECT payment_id FROM customer_order WHERE id = :id")
                        .bind("id", UUID.fromString(orderId))
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("pay-late"));
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId, RefundPayment.class))
                .hasSize(1);
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
    }

    @Test
    void anOrderAwaitingTheCustomersPaymentIsCancelledWhenUnpaidAndThePaymentClosed() {
        String orderId = place();
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
        awaitCommand(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentActionRequired(
                        UUID.randomUUID(),
                        Instant.now(),
                        orderId,
                        "pay-" + orderId,
                        "wechatpay",
                        PaymentActionRequired.QR_CODE,
                        "weixin://wxpay/bizpayurl?pr=abc123",
                        null));

        awaitCancelledByTimeout(orderId);
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReleaseStock.class);
        awaitCommand(Topics.PAYMENT_COMMANDS, orderId, RefundPayment.class);
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.paymentAction")
                .doesNotExist()
                .jsonPath("$.statusHistory[*].status")
                .isEqualTo(java.util.List.of("PENDING", "AWAITING_PAYMENT", "CANCELLED"));
    }

    @Test
    void anOverdueOrderLockedByAnotherReplicaIsSkippedNotWaitedForAndCancelledOnceReleased() throws Exception {
        String orderId = place();
        awaitCommand(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        CountDownLatch locked = new CountDownLatch(1);
        Sinks.Empty<Void> release = Sinks.empty();
        // Another replica's scan, holding the order's row lock inside its transaction.
        Disposable otherReplica = transactions
                .transactional(database.sql("SELECT id FROM customer_order WHERE id = :id FOR UPDATE")
                        .bind("id", UUID.fromString(orderId))
                        .fetch()
                        .all()
                        .doOnNext(row -> locked.countDown())
                        .then(release.asMono()))
                .subscribe();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Instant deadline = Instant.now().plusSeconds(3);
            await().until(() -> Instant.now().isAfter(deadline));

            // Without SKIP LOCKED this scan would wait for the other transaction and time out.
            assertThat(timeouts.cancelOverdue().block(Duration.ofSeconds(5))).isZero();
            customer.get()
                    .uri("/api/orders/{id}", orderId)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PENDING");
        } finally {
            release.tryEmitEmpty();
            otherReplica.dispose();
        }

        awaitCancelledByTimeout(orderId);
        // The outbox relay publishes after the cancellation commits.
        await().untilAsserted(() -> assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, OrderCancelled.class))
                .hasSize(1));
    }

    private String place() {
        Map<?, ?> order = customer.post()
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

    private void awaitCancelledByTimeout(String orderId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.failureReason")
                .isEqualTo("timeout"));
    }

    private <E extends IntegrationEvent> void awaitCommand(Topic<E> topic, String orderId, Class<? extends E> type) {
        await().untilAsserted(() ->
                assertThat(traffic.published(topic, orderId, type)).hasSize(1));
    }
}
