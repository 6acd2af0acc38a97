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
import bookstore.events.inventory.ReturnRestocked;
import bookstore.events.inventory.StockReserved;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRefunded;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.RestockReturn;
import bookstore.events.order.ReturnApproved;
import bookstore.events.order.ReturnCompleted;
import bookstore.events.order.ReturnReceived;
import bookstore.events.order.ReturnRequested;
import bookstore.events.order.ReturnSentBack;
import bookstore.events.order.ReturnedCopies;
import bookstore.events.order.SaleReturned;
import bookstore.events.payment.AmountRefunded;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.payment.RefundRefused;
import bookstore.order.OrderServiceTest;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Returns and partial refunds over HTTP, on a real broker and database. The test plays inventory and
 * payment, answering the commands the returns send as those services would, twice where a broker
 * would deliver twice.
 */
@OrderServiceTest
class ReturnIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    WebTestClient customer;
    WebTestClient admin;
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
        customer = customer(http, newCustomerId());
        admin = admin(http);
        threeBody = catalogue.add("三体", 2300);
        darkForest = catalogue.add("黑暗森林", 3200);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void aReturnOfOneOfTwoCopiesIsRestockedRefundedAndCompleted() {
        double requestedReturns = count("bookstore.returns.requested");
        double completedReturns = count("bookstore.returns.completed");
        String orderId = deliveredOrder();
        String reason = "<img src=x onerror=alert(1)> 封面破损";

        Answer created = post(
                customer,
                "/api/orders/" + orderId + "/returns",
                Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 1)), "reason", reason),
                201);
        JsonNode requested = created.json();
        JsonNode theReturn = requested.get("returns").get(0);
        String returnId = theReturn.get("id").asString();
        assertThat(created.location()).isEqualTo("/api/orders/" + orderId + "/returns/" + returnId);
        JsonNode located = JSON.readTree(customer.get()
                .uri(created.location())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        assertThat(located.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(located.get("reason").asString()).isEqualTo(reason);
        customer(http, newCustomerId())
                .get()
                .uri("/api/orders/{id}/returns/{returnId}", orderId, returnId)
                .exchange()
                .expectStatus()
                .isNotFound();
        admin.get()
                .uri("/api/orders/{id}/returns", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(returnId);
        assertThat(theReturn.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(theReturn.get("reason").asString()).isEqualTo(reason);
        assertThat(theReturn.get("refundAmount").get("amount").asLong()).isEqualTo(2300);
        assertThat(requested.get("returnableUntil").isNull()).isFalse();
        ReturnRequested event = awaitOne(Topics.ORDER_EVENTS, orderId, ReturnRequested.class);
        assertThat(event.items())
                .extracting(item -> item.bookId() + "x" + item.quantity())
                .containsExactly(threeBody + "x1");
        assertThat(event.customer())
                .isEqualTo(awaitOne(Topics.ORDER_EVENTS, orderId, OrderPlaced.class)
                        .customer());
        assertThat(openQueue()).contains(orderId);

        post(customer, "/api/orders/" + orderId + "/returns/" + returnId + "/approve", Map.of(), 403);
        post(admin, "/api/orders/" + orderId + "/returns/" + returnId + "/approve", Map.of(), 200);
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, ReturnApproved.class).automatic())
                .isFalse();
        post(
                customer,
                "/api/orders/" + orderId + "/returns/" + returnId + "/send-back",
                Map.of("carrier", "shunfeng", "trackingNumber", "SF100200300"),
                200);
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, ReturnSentBack.class).trackingNumber())
                .isEqualTo("SF100200300");
        JsonNode received = post(
                        admin,
                        "/api/orders/" + orderId + "/returns/" + returnId + "/receive",
                        Map.of("copies", List.of(Map.of("bookId", threeBody, "resalable", 1, "damaged", 0))),
                        200)
                .json();
        assertThat(received.get("returns").get(0).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.get("refunds").get(0).get("status").asString()).isEqualTo("PENDING");

        RestockReturn restock = awaitOne(Topics.INVENTORY_COMMANDS, orderId, RestockReturn.class);
        assertThat(restock.returnId()).isEqualTo(returnId);
        assertThat(restock.copies()).containsExactly(new ReturnedCopies(threeBody, 1, 0));
        RefundAmount refund = awaitOne(Topics.PAYMENT_COMMANDS, orderId, RefundAmount.class);
        assertThat(refund.refundId()).isEqualTo(returnId);
        assertThat(refund.amount()).isEqualTo(new Money(2300, "CNY"));
        SaleReturned correction = awaitOne(Topics.SALES_EVENTS, orderId, SaleReturned.class);
        assertThat(correction.bookId()).isEqualTo(threeBody);
        assertThat(correction.quantity()).isEqualTo(1);
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, ReturnReceived.class).copies())
                .containsExactly(new ReturnedCopies(threeBody, 1, 0));

        AmountRefunded refunded = new AmountRefunded(
                UUID.randomUUID(), Instant.now(), orderId, returnId, new Money(2300, "CNY"), new Money(2300, "CNY"));
        traffic.send(Topics.PAYMENT_EVENTS, refunded);
        traffic.send(Topics.PAYMENT_EVENTS, refunded);
        traffic.send(
                Topics.INVENTORY_RESERVATIONS,
                new ReturnRestocked(UUID.randomUUID(), Instant.now(), orderId, returnId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(order(customer, orderId)
                        .get("returns")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED"));
        JsonNode completed = order(customer, orderId);
        assertThat(completed.get("refunded").get("amount").asLong()).isEqualTo(2300);
        assertThat(completed.get("refunds").get(0).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, ReturnCompleted.class).refunded())
                .isEqualTo(new Money(2300, "CNY"));
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, OrderRefunded.class).returnId())
                .isEqualTo(returnId);
        assertThat(openQueue()).doesNotContain(orderId);
        assertThat(count("bookstore.returns.requested")).isEqualTo(requestedReturns + 1);
        assertThat(count("bookstore.returns.completed")).isEqualTo(completedReturns + 1);

        // The second copy may still go back; the first may not go back twice.
        post(
                customer,
                "/api/orders/" + orderId + "/returns",
                Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 2)), "reason", "both"),
                400);
    }

    @Test
    void badOrForeignReturnRequestsAreRefusedAndChangeNothing() {
        String orderId = deliveredOrder();
        String path = "/api/orders/" + orderId + "/returns";

        assertProblem(post(customer, path, Map.of("items", List.of(), "reason", "x"), 400), "validation");
        assertProblem(
                post(
                        customer,
                        path,
                        Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 3)), "reason", "x"),
                        400),
                "invalid-order");
        assertProblem(
                post(
                        customer,
                        path,
                        Map.of("items", List.of(Map.of("bookId", "nope", "quantity", 1)), "reason", "x"),
                        400),
                "invalid-order");
        assertProblem(
                post(
                        customer,
                        path,
                        Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 1)), "reason", " "),
                        400),
                "validation");
        post(
                customer(http, newCustomerId()),
                path,
                Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 1)), "reason", "x"),
                404);
        post(admin, path, Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 1)), "reason", "x"), 403);
        assertProblem(
                post(admin, "/api/orders/" + orderId + "/returns/" + UUID.randomUUID() + "/approve", Map.of(), 404),
                "return-not-found");

        assertThat(order(customer, orderId).get("returns").size()).isZero();
        assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, ReturnRequested.class))
                .isEmpty();

        String confirmed = confirmedOrder();
        assertProblem(
                post(
                        customer,
                        "/api/orders/" + confirmed + "/returns",
                        Map.of("items", List.of(Map.of("bookId", threeBody, "quantity", 1)), "reason", "x"),
                        409),
                "return-conflict");
    }

    @Test
    void anAdminRefundsPartOfAnOrderWithoutAReturnAndARefusalIsShown() {
        String orderId = deliveredOrder();
        String path = "/api/orders/" + orderId + "/refunds";

        post(customer, path, Map.of("amount", 500, "reason", "dented corner"), 403);
        assertProblem(post(admin, path, Map.of("amount", 7801, "reason", "too much"), 400), "invalid-order");
        assertProblem(post(admin, path, Map.of("amount", 0, "reason", "nothing"), 400), "validation");
        JsonNode refunded = post(admin, path, Map.of("amount", 500, "reason", "dented corner"), 201)
                .json();
        String refundId = refunded.get("refunds").get(0).get("id").asString();
        assertThat(refunded.get("refunds").get(0).get("returnId").isNull()).isTrue();

        RefundAmount command = awaitOne(Topics.PAYMENT_COMMANDS, orderId, RefundAmount.class);
        assertThat(command.amount()).isEqualTo(new Money(500, "CNY"));
        assertThat(command.reason()).isEqualTo("dented corner");
        assertThat(openQueue()).contains(orderId);
        traffic.send(
                Topics.PAYMENT_EVENTS,
                new RefundRefused(UUID.randomUUID(), Instant.now(), orderId, refundId, "charge_disputed"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(order(admin, orderId)
                        .get("refunds")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("REFUSED"));
        assertThat(order(admin, orderId).get("refunds").get(0).get("refusal").asString())
                .isEqualTo("charge_disputed");
        assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, OrderRefunded.class))
                .isEmpty();
        assertThat(openQueue()).doesNotContain(orderId);
    }

    @Test
    void returnsRejectedByTheShopOrWithdrawnByTheCustomerAreCountedApart() {
        double rejected = count("bookstore.returns.rejected");
        double cancelled = count("bookstore.returns.cancelled");
        String orderId = deliveredOrder();
        String path = "/api/orders/" + orderId + "/returns";
        String refused = post(
                        customer,
                        path,
                        Map.of(
                                "items",
                                List.of(Map.of("bookId", threeBody, "quantity", 1)),
                                "reason",
                                "changed my mind"),
                        201)
                .json()
                .get("returns")
                .get(0)
                .get("id")
                .asString();
        post(admin, path + "/" + refused + "/reject", Map.of("reason", "opened and read"), 200);
        String withdrawn = post(
                        customer,
                        path,
                        Map.of(
                                "items",
                                List.of(Map.of("bookId", darkForest, "quantity", 1)),
                                "reason",
                                "wrong edition"),
                        201)
                .json()
                .get("returns")
                .get(1)
                .get("id")
                .asString();
        post(customer, path + "/" + withdrawn + "/withdraw", Map.of(), 200);

        assertThat(count("bookstore.returns.rejected")).isEqualTo(rejected + 1);
        assertThat(count("bookstore.returns.cancelled")).isEqualTo(cancelled + 1);
    }

    private double count(String counter) {
        var found = meters.find(counter).counter();
        return found == null ? 0 : found.count();
    }

    @Test
    void aReturnNobodyDecidesOnIsApprovedByTheAfterSaleScan() {
        String orderId = deliveredOrder();
        post(
                customer,
                "/api/orders/" + orderId + "/returns",
                Map.of("items", List.of(Map.of("bookId", darkForest, "quantity", 1)), "reason", "wrong edition"),
                201);
        // Let the decision time (two days) pass: move the return's deadline into the past.
        database.sql("""
                        UPDATE customer_order
                           SET returns = jsonb_set(returns, '{0,deadline}', to_jsonb('2000-01-01T00:00:00Z'::text)),
                               after_sale_deadline = '2000-01-01T00:00:00Z'
                         WHERE id = CAST(:id AS UUID)
                        """).bind("id", orderId).then().block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(order(customer, orderId)
                        .get("returns")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED"));
        assertThat(awaitOne(Topics.ORDER_EVENTS, orderId, ReturnApproved.class).automatic())
                .isTrue();
        JsonNode approved = order(customer, orderId).get("returns").get(0);
        assertThat(Instant.parse(approved.get("deadline").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(6)));
    }

    private List<String> openQueue() {
        JsonNode page = JSON.readTree(admin.get()
                .uri("/api/orders?afterSale=open&size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        return page.get("items")
                .valueStream()
                .map(order -> order.get("id").asString())
                .toList();
    }

    private static void assertProblem(Answer answer, String type) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("https://bookstore.example/problems/" + type);
    }

    private Answer post(WebTestClient caller, String path, Object body, int status) {
        var result = caller.post()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult();
        String contentType = result.getResponseHeaders().getContentType() == null
                ? ""
                : result.getResponseHeaders().getContentType().toString();
        return new Answer(
                contentType,
                result.getResponseBody(),
                result.getResponseHeaders().getLocation() == null
                        ? null
                        : result.getResponseHeaders().getLocation().toString());
    }

    private JsonNode order(WebTestClient caller, String orderId) {
        return JSON.readTree(caller.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private String deliveredOrder() {
        String orderId = confirmedOrder();
        post(admin, "/api/orders/" + orderId + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", "SF1"), 200);
        post(admin, "/api/orders/" + orderId + "/deliver", Map.of(), 200);
        return orderId;
    }

    /** Two copies of 三体 and one of 黑暗森林, paid: 7,800 fen. */
    private String confirmedOrder() {
        Map<?, ?> placed = customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(threeBody, 2, darkForest, 1))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String orderId = (String) placed.get("id");
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentSucceeded(
                        UUID.randomUUID(), Instant.now(), orderId, "pay-" + orderId, new Money(7800, "CNY")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(customer, orderId).get("status").asString().equals("CONFIRMED"));
        return orderId;
    }

    private <E extends IntegrationEvent, T extends E> T awaitOne(Topic<E> topic, String orderId, Class<T> type) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> traffic.published(topic, orderId, type), found -> found.size() == 1)
                .getFirst();
    }

    private record Answer(String contentType, String body, String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
