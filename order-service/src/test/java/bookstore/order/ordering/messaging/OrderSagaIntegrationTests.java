package bookstore.order.ordering.messaging;

import static bookstore.order.Callers.admin;
import static bookstore.order.Callers.checkout;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.IntegrationEvent;
import bookstore.events.Money;
import bookstore.events.Topic;
import bookstore.events.Topics;
import bookstore.events.inventory.StockReservationFailed;
import bookstore.events.inventory.StockReserved;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.CommitStock;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRejected;
import bookstore.events.order.OrderShipped;
import bookstore.events.order.RefundPayment;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.RenewPaymentAction;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.SaleRecorded;
import bookstore.events.payment.PaymentActionRequired;
import bookstore.events.payment.PaymentFailed;
import bookstore.events.payment.PaymentRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.order.OrderServiceTest;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The saga on a real broker and database. The test plays inventory and payment: it reads the
 * commands order-service publishes and answers them with records on the reply topics, as those
 * services would, including the duplicates and late answers a real broker delivers.
 */
@OrderServiceTest
class OrderSagaIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    SagaTraffic traffic;
    TestCatalogue catalogue;
    String customerId;
    WebTestClient customer;
    String threeBody;
    String darkForest;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(
                bootstrapServers,
                kafka,
                codec,
                Topics.CATALOG_BOOKS,
                Topics.INVENTORY_COMMANDS,
                Topics.PAYMENT_COMMANDS,
                Topics.ORDER_EVENTS,
                Topics.SALES_EVENTS);
        catalogue = new TestCatalogue(traffic, database);
        customerId = newCustomerId();
        customer = customer(http, customerId);
        threeBody = catalogue.add("三体", 2300);
        darkForest = catalogue.add("黑暗森林", 3200);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void aPaidOrderIsConfirmedItsStockCommittedAndEachLineRecordedAsASale() {
        double placed = count("bookstore.orders.placed");
        double confirmedOrders = count("bookstore.orders.confirmed");
        long waitedForStock = stepTimes("AWAITING_STOCK", "pending");
        long waitedForPayment = stepTimes("AWAITING_PAYMENT", "confirmed");
        String orderId = place(threeBody, 2, darkForest, 1);

        ReserveStock reserve = awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        assertThat(reserve.lines())
                .extracting(line -> line.bookId() + "x" + line.quantity() + "@"
                        + line.unitPrice().amount())
                .containsExactly(threeBody + "x2@2300", darkForest + "x1@3200");
        stockReserved(orderId);
        ChargePayment charge = awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        assertThat(charge.amount()).isEqualTo(new Money(7800, "CNY"));
        assertThat(charge.paymentMethod()).isEqualTo("pm_card_visa");
        assertThat(charge.customerId()).isEqualTo(customerId);
        paymentSucceeded(orderId, 7800);

        awaitStatus(orderId, "CONFIRMED");
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, CommitStock.class);
        OrderConfirmed confirmed = awaitOne(Topics.ORDER_EVENTS, orderId, OrderConfirmed.class);
        assertThat(confirmed.total()).isEqualTo(new Money(7800, "CNY"));
        String pseudonym =
                awaitOne(Topics.ORDER_EVENTS, orderId, OrderPlaced.class).customer();
        await().untilAsserted(() -> assertThat(traffic.published(Topics.SALES_EVENTS, orderId, SaleRecorded.class))
                .extracting(sale -> sale.bookId() + "x" + sale.quantity() + "@"
                        + sale.unitPrice().amount())
                .containsExactlyInAnyOrder(threeBody + "x2@2300", darkForest + "x1@3200"));
        assertThat(traffic.published(Topics.SALES_EVENTS, orderId, SaleRecorded.class))
                .allSatisfy(sale -> {
                    assertThat(sale.customer()).isEqualTo(pseudonym).isNotEqualTo(customerId);
                    assertThat(sale.soldAt()).isNotNull();
                });
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.statusHistory[*].status")
                .isEqualTo(List.of("PENDING", "CONFIRMED"))
                .jsonPath("$.failureReason")
                .doesNotExist();
        await().untilAsserted(() -> {
            assertThat(count("bookstore.orders.placed")).isEqualTo(placed + 1);
            assertThat(count("bookstore.orders.confirmed")).isEqualTo(confirmedOrders + 1);
            assertThat(stepTimes("AWAITING_STOCK", "pending")).isEqualTo(waitedForStock + 1);
            assertThat(stepTimes("AWAITING_PAYMENT", "confirmed")).isEqualTo(waitedForPayment + 1);
        });
        assertThat(meters.get("bookstore.orders.saga.step")
                        .tags("step", "AWAITING_PAYMENT", "outcome", "confirmed")
                        .timer()
                        .takeSnapshot()
                        .histogramCounts())
                .as("a percentile histogram, for quantiles across pods")
                .isNotEmpty();
    }

    @Test
    void whenPaymentIsDeclinedTheStockIsReleasedAndTheOrderCancelled() {
        double declined = count("bookstore.orders.cancelled", "reason", "payment_declined");
        long leftPayment = stepTimes("AWAITING_PAYMENT", "cancelled");
        String orderId = place(threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        stockReserved(orderId);
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);

        traffic.send(
                Topics.PAYMENT_EVENTS, new PaymentFailed(UUID.randomUUID(), Instant.now(), orderId, "card_declined"));

        awaitStatus(orderId, "CANCELLED");
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReleaseStock.class);
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, OrderCancelled.class).reason())
                .contains("card_declined");
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.failureReason")
                .isEqualTo("payment failed: card_declined");
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId, RefundPayment.class))
                .isEmpty();
        assertThat(traffic.published(Topics.INVENTORY_COMMANDS, orderId, CommitStock.class))
                .isEmpty();
        await().untilAsserted(() -> {
            assertThat(count("bookstore.orders.cancelled", "reason", "payment_declined"))
                    .as("the provider's free-text reason counted as a kind")
                    .isEqualTo(declined + 1);
            assertThat(stepTimes("AWAITING_PAYMENT", "cancelled")).isEqualTo(leftPayment + 1);
        });
    }

    @Test
    void whenStockIsShortTheOrderIsRejectedAndNothingIsCharged() {
        double rejected = count("bookstore.orders.rejected", "reason", "stock");
        long leftStock = stepTimes("AWAITING_STOCK", "rejected");
        String orderId = place(threeBody, 10);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);

        traffic.send(
                Topics.INVENTORY_RESERVATIONS,
                new StockReservationFailed(
                        UUID.randomUUID(), Instant.now(), orderId, "insufficient stock", List.of(threeBody)));

        awaitStatus(orderId, "REJECTED");
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, OrderRejected.class).reason())
                .isEqualTo("insufficient stock");
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.failureReason")
                .isEqualTo("insufficient stock");
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId)).isEmpty();
        await().untilAsserted(() -> {
            assertThat(count("bookstore.orders.rejected", "reason", "stock")).isEqualTo(rejected + 1);
            assertThat(stepTimes("AWAITING_STOCK", "rejected")).isEqualTo(leftStock + 1);
        });
    }

    @Test
    void cancellingAConfirmedOrderReleasesItsStockAndRefundsIt() {
        String orderId = confirmedOrder();

        customer.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.failureReason")
                .isEqualTo("cancelled by customer");

        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReleaseStock.class);
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, RefundPayment.class);
        awaitOne(Topics.ORDER_EVENTS, orderId, OrderCancelled.class);
        traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentRefunded(UUID.randomUUID(), Instant.now(), orderId, new Money(2300, "CNY")));
        await().untilAsserted(() -> customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.refunded.amount")
                .isEqualTo(2300));
    }

    @Test
    void cancellingAPendingOrderReleasesStockAndOnlyRefundsOnceACharge() {
        double byCustomers = count("bookstore.orders.cancelled", "reason", "customer");
        String orderId = place(threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);

        customer.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .exchange()
                .expectStatus()
                .isOk();
        customer.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .exchange()
                .expectStatus()
                .isOk();

        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReleaseStock.class);
        awaitOne(Topics.ORDER_EVENTS, orderId, OrderCancelled.class);
        // Inventory reserved before it saw the release: the release, queued after the reserve command
        // for this order, gives the copies back; the late reservation changes nothing and is never charged.
        SagaTraffic.Sent late = stockReserved(orderId);
        await().until(() -> traffic.consumed("order-service.saga-stock", late));
        await().until(() -> nothingWaitingToBePublished(orderId));
        assertThat(traffic.published(Topics.INVENTORY_COMMANDS, orderId))
                .extracting(command -> command.getClass().getSimpleName())
                .containsExactly("ReserveStock", "ReleaseStock");
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId)).isEmpty();
        assertThat(count("bookstore.orders.cancelled", "reason", "customer"))
                .as("cancelled once, though asked twice")
                .isEqualTo(byCustomers + 1);
    }

    private double count(String counter, String... tags) {
        var found = meters.find(counter).tags(tags).counter();
        return found == null ? 0 : found.count();
    }

    private long stepTimes(String step, String outcome) {
        var found = meters.find("bookstore.orders.saga.step")
                .tags("step", step, "outcome", outcome)
                .timer();
        return found == null ? 0 : found.count();
    }

    @Test
    void anAdminShipsAConfirmedOrderAndMarksItDeliveredAfterWhichItCannotBeCancelled() {
        String orderId = confirmedOrder();
        WebTestClient admin = admin(http);

        admin.post()
                .uri("/api/orders/{id}/deliver", orderId)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        admin.post()
                .uri("/api/orders/{id}/ship", orderId)
                .bodyValue(Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SHIPPED")
                .jsonPath("$.shipment.trackingNumber")
                .isEqualTo("SF1234567890");
        customer.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/order-status-conflict")
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.orderStatus")
                .isEqualTo("SHIPPED");
        admin.post()
                .uri("/api/orders/{id}/deliver", orderId)
                .exchange()
                .expectStatus()
                .isOk();

        awaitStatus(orderId, "DELIVERED");
        OrderShipped shipped = awaitOne(Topics.ORDER_EVENTS, orderId, OrderShipped.class);
        assertThat(shipped.carrier()).isEqualTo("顺丰速运");
        OrderDelivered delivered = awaitOne(Topics.ORDER_EVENTS, orderId, OrderDelivered.class);
        OrderPlaced placed = awaitOne(Topics.ORDER_EVENTS, orderId, OrderPlaced.class);
        assertThat(delivered.customer()).isEqualTo(placed.customer());
        assertThat(delivered.lines()).isEqualTo(placed.lines());
        assertThat(delivered.schemaVersion()).isEqualTo(2);
        assertThat(traffic.published(Topics.ORDER_EVENTS, orderId))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered");
        admin.post()
                .uri("/api/orders/{id}/ship", UUID.randomUUID())
                .bodyValue(Map.of("carrier", "SF", "trackingNumber", "1"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void duplicateAnswersNeitherChargeTwiceNorConfirmTwice() {
        String orderId = place(threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        StockReserved reserved = new StockReserved(UUID.randomUUID(), Instant.now(), orderId);

        // The same record redelivered, and the same answer sent again under a new id.
        traffic.send(Topics.INVENTORY_RESERVATIONS, reserved);
        traffic.send(Topics.INVENTORY_RESERVATIONS, reserved);
        SagaTraffic.Sent lastStockAnswer = stockReserved(orderId);
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        paymentSucceeded(orderId, 2300);
        SagaTraffic.Sent lastPaymentAnswer = paymentSucceeded(orderId, 2300);
        awaitStatus(orderId, "CONFIRMED");
        // Answers about one order share a partition: once the last is handled, all before it were.
        await().until(() -> traffic.consumed("order-service.saga-stock", lastStockAnswer));
        await().until(() -> traffic.consumed("order-service.saga-payment", lastPaymentAnswer));

        // Everything the repeats could have caused is published by now (the outbox holds nothing more).
        await().until(() -> nothingWaitingToBePublished(orderId));
        await().untilAsserted(() -> assertThat(traffic.published(Topics.ORDER_EVENTS, orderId))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("OrderPlaced", "OrderConfirmed"));
        await().untilAsserted(() ->
                assertThat(traffic.published(Topics.SALES_EVENTS, orderId)).hasSize(1));
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId)).hasSize(1);
        assertThat(traffic.published(Topics.INVENTORY_COMMANDS, orderId))
                .extracting(command -> command.getClass().getSimpleName())
                .containsExactly("ReserveStock", "CommitStock");
    }

    @Test
    void aPollOfAnswersForManyOrdersAdvancesEachOnceInOneBatch() {
        List<String> orderIds =
                IntStream.range(0, 6).mapToObj(i -> place(threeBody, 1)).toList();
        orderIds.forEach(orderId -> awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class));

        // Produced together, so the saga's consumer takes them in one poll; one order's answer comes twice.
        List<StockReserved> answers = new ArrayList<>();
        orderIds.forEach(orderId -> answers.add(new StockReserved(UUID.randomUUID(), Instant.now(), orderId)));
        answers.add(answers.getFirst());
        traffic.sendAll(Topics.INVENTORY_RESERVATIONS, answers);

        for (String orderId : orderIds) {
            awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        }
        await().until(() -> orderIds.stream().allMatch(this::nothingWaitingToBePublished));
        for (String orderId : orderIds) {
            assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId)).hasSize(1);
        }
    }

    @Test
    void aPaymentThatArrivesAfterTheCustomerCancelledIsLeftToTheRefundTheCancellationSent() {
        String orderId = place(threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        stockReserved(orderId);
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        customer.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .exchange()
                .expectStatus()
                .isOk();
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, RefundPayment.class);

        paymentSucceeded(orderId, 2300);

        // Payment gives back whatever it captures once a refund is asked for; the order only takes note.
        await().untilAsserted(() -> assertThat(database.sql("SELECT payment_id FROM customer_order WHERE id = :id")
                        .bind("id", UUID.fromString(orderId))
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("pay-" + orderId));
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId))
                .extracting(command -> command.getClass().getSimpleName())
                .containsExactly("ChargePayment", "RefundPayment");
        awaitStatus(orderId, "CANCELLED");
        assertThat(traffic.published(Topics.INVENTORY_COMMANDS, orderId, CommitStock.class))
                .isEmpty();
        assertThat(traffic.published(Topics.SALES_EVENTS, orderId)).isEmpty();
    }

    @Test
    void answersAboutUnknownOrdersAreIgnoredAndLaterAnswersStillFlow() {
        String unknown = UUID.randomUUID().toString();
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), unknown));
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), "not-a-uuid"));

        String orderId = place(threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        stockReserved(orderId);

        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, unknown)).isEmpty();
    }

    private String confirmedOrder() {
        String orderId = place(threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        stockReserved(orderId);
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        paymentSucceeded(orderId, 2300);
        awaitStatus(orderId, "CONFIRMED");
        return orderId;
    }

    @Test
    void anOrderTheCustomerPaysByQrCodeAwaitsPaymentShowsTheCodeRenewsItAndIsConfirmedWhenPaid() {
        String orderId = placeWith("alipay_qr", threeBody, 1);
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        Instant reserved = Instant.now();
        stockReserved(orderId);
        ChargePayment charge = awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        assertThat(charge.paymentMethod()).isEqualTo("alipay_qr");
        assertThat(charge.payBy())
                .isBetween(reserved.plus(Duration.ofMinutes(14)), reserved.plus(Duration.ofMinutes(16)));
        assertThat(charge.schemaVersion()).isEqualTo(2);

        traffic.send(Topics.PAYMENT_EVENTS, actionRequired(orderId, "https://qr.alipay.com/bax01", charge.payBy()));
        awaitStatus(orderId, "AWAITING_PAYMENT");
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.paymentAction.provider")
                .isEqualTo("alipay")
                .jsonPath("$.paymentAction.kind")
                .isEqualTo("QR_CODE")
                .jsonPath("$.paymentAction.value")
                .isEqualTo("https://qr.alipay.com/bax01")
                .jsonPath("$.payBy")
                .isNotEmpty();

        customer(http, newCustomerId())
                .post()
                .uri("/api/orders/{id}/payment-action/renew", orderId)
                .exchange()
                .expectStatus()
                .isNotFound();
        admin(http)
                .post()
                .uri("/api/orders/{id}/payment-action/renew", orderId)
                .exchange()
                .expectStatus()
                .isForbidden();
        customer.post()
                .uri("/api/orders/{id}/payment-action/renew", orderId)
                .exchange()
                .expectStatus()
                .isAccepted();
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, RenewPaymentAction.class);
        traffic.send(Topics.PAYMENT_EVENTS, actionRequired(orderId, "https://qr.alipay.com/bax02", charge.payBy()));
        await().untilAsserted(() -> customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.paymentAction.value")
                .isEqualTo("https://qr.alipay.com/bax02"));

        paymentSucceeded(orderId, 2300);
        awaitStatus(orderId, "CONFIRMED");
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, CommitStock.class);
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.paymentAction")
                .doesNotExist()
                .jsonPath("$.payBy")
                .doesNotExist()
                .jsonPath("$.statusHistory[*].status")
                .isEqualTo(List.of("PENDING", "AWAITING_PAYMENT", "CONFIRMED"));
        customer.post()
                .uri("/api/orders/{id}/payment-action/renew", orderId)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat((String) type).endsWith("order-status-conflict"));
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, orderId, RenewPaymentAction.class))
                .hasSize(1);
    }

    private PaymentActionRequired actionRequired(String orderId, String qrCode, Instant expiresAt) {
        return new PaymentActionRequired(
                UUID.randomUUID(),
                Instant.now(),
                orderId,
                "pay-" + orderId,
                "alipay",
                PaymentActionRequired.QR_CODE,
                qrCode,
                expiresAt);
    }

    private String placeWith(String paymentMethod, Object... bookIdsAndQuantities) {
        Map<String, Object> body = new java.util.HashMap<>(checkout(bookIdsAndQuantities));
        body.put("paymentMethod", paymentMethod);
        Map<?, ?> order = customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) order.get("id");
    }

    private String place(Object... bookIdsAndQuantities) {
        Map<?, ?> order = customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(bookIdsAndQuantities))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) order.get("id");
    }

    private SagaTraffic.Sent stockReserved(String orderId) {
        return traffic.send(
                Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
    }

    private SagaTraffic.Sent paymentSucceeded(String orderId, long amount) {
        return traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentSucceeded(
                        UUID.randomUUID(), Instant.now(), orderId, "pay-" + orderId, new Money(amount, "CNY")));
    }

    private <E extends IntegrationEvent, T extends E> T awaitOne(Topic<E> topic, String orderId, Class<T> type) {
        return await().until(() -> traffic.published(topic, orderId, type), found -> found.size() == 1)
                .getFirst();
    }

    private void awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status));
    }

    /** Whether the outbox holds no message about the order: all it committed is on Kafka. */
    private boolean nothingWaitingToBePublished(String orderId) {
        return database.sql("SELECT count(*) FROM outbox_event WHERE record_key = :key")
                        .bind("key", orderId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block()
                == 0;
    }
}
