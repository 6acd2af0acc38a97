package bookstore.order.erasure;

import static bookstore.order.Callers.admin;
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
import bookstore.events.payment.PaymentSucceeded;
import bookstore.events.user.AccountClosed;
import bookstore.order.OrderServiceTest;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * A customer closes their account: user-service's AccountClosed reaches order-service over a real
 * broker, and the API and the database no longer show the person's name, address, phone or return
 * reasons, while lines and money stay, other customers' orders are untouched and a replay changes
 * nothing.
 */
@OrderServiceTest
class ClosedAccountIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GROUP = "order-service.closed-accounts";
    private static final String NAME = "王小明";
    private static final String PHONE = "13800138000";
    private static final String STREET = "幸福路 88 号 3 单元";
    private static final String REASON = "我是王小明，书的封面破了";

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

    SagaTraffic traffic;
    WebTestClient admin;
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
        admin = admin(http);
        book = new TestCatalogue(traffic, database).add("平凡的世界", 5900);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void closingAnAccountErasesThePersonFromOrdersAndCartOnceAndKeepsTheAccounts() {
        String closing = newCustomerId();
        String other = newCustomerId();
        WebTestClient customer = customer(http, closing);
        String delivered = deliveredOrder(customer);
        post(
                customer,
                "/api/orders/" + delivered + "/returns",
                Map.of("items", List.of(Map.of("bookId", book, "quantity", 1)), "reason", REASON),
                201);
        String pending = place(customer);
        String confirmed = confirmedOrder(customer);
        String underWay = confirmedOrder(customer);
        post(admin, "/api/orders/" + underWay + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", "SF9"), 200);
        customer.put()
                .uri("/api/cart/items/{bookId}", book)
                .bodyValue(Map.of("quantity", 2))
                .exchange()
                .expectStatus()
                .isOk();
        String othersOrder = deliveredOrder(customer(http, other));
        JsonNode receivedBefore = order(delivered);

        AccountClosed event = accountClosed(closing);
        SagaTraffic.Sent closed = traffic.send(Topics.USER_EVENTS, event);

        await().atMost(Duration.ofSeconds(20)).until(() -> traffic.consumed(GROUP, closed));
        JsonNode erased = order(delivered);
        assertThat(erased.get("customerErased").asBoolean()).isTrue();
        assertThat(erased.get("shippingAddress").isNull()).isTrue();
        assertThat(erased.get("returns").get(0).get("reason").isNull()).isTrue();
        assertThat(erased.get("returns").get(0).get("items"))
                .isEqualTo(receivedBefore.get("returns").get(0).get("items"));
        assertThat(erased.get("status").asString()).isEqualTo("DELIVERED");
        for (String kept : List.of(
                "id", "customerId", "items", "total", "statusHistory", "placedAt", "paymentMethod", "shipment")) {
            assertThat(erased.get(kept)).as(kept).isEqualTo(receivedBefore.get(kept));
        }

        for (String cancelled : List.of(pending, confirmed)) {
            JsonNode order = order(cancelled);
            assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(order.get("failureReason").asString()).isEqualTo("account-closed");
            assertThat(order.get("customerErased").asBoolean()).isTrue();
            assertThat(awaitOne(Topics.INVENTORY_COMMANDS, cancelled, ReleaseStock.class)
                            .reason())
                    .isEqualTo("account-closed");
            assertThat(awaitOne(Topics.ORDER_EVENTS, cancelled, OrderCancelled.class)
                            .reason())
                    .isEqualTo("account-closed");
        }
        assertThat(traffic.published(Topics.PAYMENT_COMMANDS, confirmed, RefundPayment.class))
                .hasSize(1);

        JsonNode stillUnderWay = order(underWay);
        assertThat(stillUnderWay.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(stillUnderWay.get("customerErased").asBoolean()).isFalse();
        assertThat(stillUnderWay.get("shippingAddress").get("recipient").asString())
                .isEqualTo(NAME);

        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        assertThat(count("SELECT count(*) FROM cart WHERE customer_id = :c", closing))
                .isZero();
        assertThat(count("SELECT count(*) FROM cart_item WHERE customer_id = :c", closing))
                .isZero();

        List<String> stored = rows(closing);
        assertThat(stored).hasSize(4);
        assertThat(stored.stream().filter(row -> row.contains(NAME))).containsExactly(rowOf(underWay));
        assertThat(database.sql("SELECT total_amount, lines::text AS lines FROM customer_order WHERE id = :id")
                        .bind("id", UUID.fromString(delivered))
                        .map(row -> row.get("total_amount", Long.class) + " " + row.get("lines", String.class))
                        .one()
                        .block())
                .startsWith("5900 ")
                .contains(book);
        assertThat(rowOf(othersOrder)).contains(NAME, PHONE, STREET);
        assertThat(order(othersOrder).get("customerErased").asBoolean()).isFalse();

        post(admin, "/api/orders/" + underWay + "/deliver", Map.of(), 200);
        assertThat(order(underWay).get("customerErased").asBoolean()).isTrue();
        assertThat(rows(closing)).allSatisfy(row -> assertThat(row).doesNotContain(NAME, PHONE, STREET, REASON));

        List<String> before = updates(closing);
        SagaTraffic.Sent redelivered = traffic.send(Topics.USER_EVENTS, event);
        SagaTraffic.Sent again = traffic.send(Topics.USER_EVENTS, accountClosed(closing));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> traffic.consumed(GROUP, redelivered) && traffic.consumed(GROUP, again));
        assertThat(updates(closing)).isEqualTo(before);
        assertThat(traffic.published(Topics.ORDER_EVENTS, pending, OrderCancelled.class))
                .hasSize(1);
        assertThat(traffic.published(Topics.INVENTORY_COMMANDS, confirmed, ReleaseStock.class))
                .hasSize(1);
    }

    /** Closed by the customer now, to the microsecond PostgreSQL keeps. */
    static AccountClosed accountClosed(String userId) {
        return new AccountClosed(
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                userId,
                AccountClosed.ClosedBy.CUSTOMER);
    }

    /** Each of the customer's orders as its whole stored row, as text. */
    private List<String> rows(String customerId) {
        return database.sql("SELECT row_to_json(o)::text AS row FROM customer_order o WHERE customer_id = :c")
                .bind("c", customerId)
                .map(row -> row.get("row", String.class))
                .all()
                .collectList()
                .block();
    }

    private String rowOf(String orderId) {
        return database.sql("SELECT row_to_json(o)::text AS row FROM customer_order o WHERE id = :id")
                .bind("id", UUID.fromString(orderId))
                .map(row -> row.get("row", String.class))
                .one()
                .block();
    }

    private List<String> updates(String customerId) {
        return database.sql(
                        "SELECT id::text || ' ' || updated_at::text AS u FROM customer_order WHERE customer_id = :c ORDER BY id")
                .bind("c", customerId)
                .map(row -> row.get("u", String.class))
                .all()
                .collectList()
                .block();
    }

    private long count(String sql, String customerId) {
        return database.sql(sql)
                .bind("c", customerId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private String place(WebTestClient customer) {
        Map<String, Object> address = Map.of(
                "recipient",
                NAME,
                "phone",
                PHONE,
                "line1",
                STREET,
                "city",
                "杭州",
                "postalCode",
                "310000",
                "country",
                "CN");
        Map<?, ?> placed = customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of(
                        "items",
                        List.of(Map.of("bookId", book, "quantity", 1)),
                        "shippingAddress",
                        address,
                        "paymentMethod",
                        "pm_card_visa"))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String orderId = (String) placed.get("id");
        awaitOne(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class);
        return orderId;
    }

    private String confirmedOrder(WebTestClient customer) {
        String orderId = place(customer);
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
        awaitOne(Topics.PAYMENT_COMMANDS, orderId, ChargePayment.class);
        traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentSucceeded(
                        UUID.randomUUID(), Instant.now(), orderId, "pay-" + orderId, new Money(5900, "CNY")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(orderId).get("status").asString().equals("CONFIRMED"));
        return orderId;
    }

    private String deliveredOrder(WebTestClient customer) {
        String orderId = confirmedOrder(customer);
        post(admin, "/api/orders/" + orderId + "/ship", Map.of("carrier", "shunfeng", "trackingNumber", "SF1"), 200);
        post(admin, "/api/orders/" + orderId + "/deliver", Map.of(), 200);
        return orderId;
    }

    private void post(WebTestClient caller, String path, Object body, int status) {
        caller.post().uri(path).bodyValue(body).exchange().expectStatus().isEqualTo(status);
    }

    private JsonNode order(String orderId) {
        return JSON.readTree(admin.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private <E extends IntegrationEvent, T extends E> T awaitOne(Topic<E> topic, String orderId, Class<T> type) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> traffic.published(topic, orderId, type), found -> found.size() == 1)
                .getFirst();
    }
}
