package bookstore.order.shipping;

import static bookstore.order.Callers.admin;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Topics;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderInTransit;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderReceived;
import bookstore.events.user.AccountClosed;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shipping with the built-in sandbox carrier, on real servers: shipping registers the parcel, the
 * sandbox pushes signed Kuaidi100-style callbacks over HTTP, the order moves SHIPPED → IN_TRANSIT →
 * DELIVERED, and the customer (or the receipt window) receives it. Forged, replayed and out-of-order
 * callbacks change nothing.
 */
@ShippingServiceTest
class ShippingIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int port;

    SagaTraffic traffic;
    Shop shop;
    CarrierCallbacks callbacks;
    String customerId;
    WebTestClient customer;
    WebTestClient admin;
    String book;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(
                bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS, Topics.PAYMENT_COMMANDS, Topics.ORDER_EVENTS);
        shop = new Shop(context, traffic);
        callbacks = new CarrierCallbacks(port);
        customerId = newCustomerId();
        customer = customer(shop.http(), customerId);
        admin = admin(shop.http());
        book = new TestCatalogue(traffic, database).add("三体", 2300);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void theSandboxCarrierDrivesAShippedOrderToDeliveredThroughRealCallbacks() {
        String orderId = shop.confirmedOrder(customer, book);
        String number = trackingNumber();

        shop.ship(admin, orderId, "shunfeng", number);

        shop.awaitStatus(customer, orderId, "IN_TRANSIT");
        shop.awaitStatus(customer, orderId, "DELIVERED");
        customer.get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.carrier")
                .isEqualTo("shunfeng")
                .jsonPath("$.trackingNumber")
                .isEqualTo(number)
                .jsonPath("$.status")
                .isEqualTo("DELIVERED")
                .jsonPath("$.orderStatus")
                .isEqualTo("DELIVERED")
                .jsonPath("$.events[*].status")
                .isEqualTo(List.of("DELIVERED", "OUT_FOR_DELIVERY", "IN_TRANSIT", "IN_TRANSIT", "COLLECTED"))
                .jsonPath("$.events[0].place")
                .isEqualTo("北京")
                .jsonPath("$.events[4].place")
                .isEqualTo("上海市")
                .jsonPath("$.events[0].description")
                .value(description -> assertThat((String) description).contains("已签收"));
        await().untilAsserted(() -> assertThat(traffic.published(Topics.ORDER_EVENTS, orderId))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderInTransit", "OrderDelivered"));
        OrderInTransit inTransit = traffic.published(Topics.ORDER_EVENTS, orderId, OrderInTransit.class)
                .getFirst();
        assertThat(inTransit.carrier()).isEqualTo("shunfeng");
        assertThat(inTransit.trackingNumber()).isEqualTo(number);
        OrderPlaced placed = traffic.published(Topics.ORDER_EVENTS, orderId, OrderPlaced.class)
                .getFirst();
        OrderDelivered delivered = traffic.published(Topics.ORDER_EVENTS, orderId, OrderDelivered.class)
                .getFirst();
        assertThat(delivered.customer()).isEqualTo(placed.customer());
        assertThat(delivered.lines()).isEqualTo(placed.lines());
        assertThat(subscription(orderId)).containsEntry("subscribed", true);
    }

    @Test
    void aParcelUnderWayWhenTheAccountClosesKeepsItsAddressUntilDeliveredAndThenItsTimelineGoes() {
        String orderId = shop.confirmedOrder(customer, book);
        shop.ship(admin, orderId, "shunfeng", trackingNumber());

        SagaTraffic.Sent closed = traffic.send(
                Topics.USER_EVENTS,
                new AccountClosed(UUID.randomUUID(), Instant.now(), customerId, AccountClosed.ClosedBy.ADMIN));
        await().until(() -> traffic.consumed("order-service.closed-accounts", closed));
        assertThat(stored(orderId, "shipping_address IS NOT NULL AND account_closed_at IS NOT NULL"))
                .as("the address is kept while the parcel is under way")
                .isTrue();

        shop.awaitStatus(admin, orderId, "DELIVERED");
        admin.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.customerErased")
                .isEqualTo(true)
                .jsonPath("$.shippingAddress")
                .isEmpty();
        admin.get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderStatus")
                .isEqualTo("DELIVERED")
                .jsonPath("$.events.length()")
                .isEqualTo(0);
        assertThat(stored(orderId, "shipping_address IS NULL")).isTrue();
        assertThat(database.sql("SELECT count(*) FROM tracking_event WHERE order_id = CAST(:id AS UUID)")
                        .bind("id", orderId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
        assertThat(database.sql("SELECT destination FROM carrier_subscription WHERE order_id = CAST(:id AS UUID)")
                        .bind("id", orderId)
                        .map(row -> java.util.Optional.ofNullable(row.get("destination", String.class)))
                        .one()
                        .block())
                .isEmpty();
    }

    /** Whether the order's stored row meets a condition. */
    private boolean stored(String orderId, String condition) {
        return database.sql("SELECT " + condition + " AS met FROM customer_order WHERE id = CAST(:id AS UUID)")
                .bind("id", orderId)
                .map(row -> row.get("met", Boolean.class))
                .one()
                .block();
    }

    @Test
    void forgedReplayedAndOutOfOrderCallbacksChangeNothing() throws Exception {
        String orderId = shop.confirmedOrder(customer, book);
        String number = trackingNumber();
        shop.ship(admin, orderId, "zhongtong", number);
        Instant now = Instant.now();
        String forgedParam = CarrierCallbacks.param(
                "shutdown",
                "zhongtong",
                number,
                "3",
                List.of(new CarrierCallbacks.Entry("签收", "【北京】伪造的签收", "北京", now)));

        callbacks
                .post("sandbox", forgedParam, CarrierCallbacks.sign(forgedParam, "not-the-salt"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat((String) type).endsWith("/invalid-signature"));
        callbacks.post("sandbox", forgedParam, "").expectStatus().isBadRequest();
        assertThat(shop.status(customer, orderId)).isIn("SHIPPED", "IN_TRANSIT");

        shop.awaitStatus(customer, orderId, "DELIVERED");
        await().until(
                        () -> traffic.published(Topics.ORDER_EVENTS, orderId, OrderDelivered.class),
                        found -> !found.isEmpty());
        List<Map<String, Object>> timeline = timeline(customer, orderId);
        assertThat(timeline).hasSize(5);
        assertThat(timeline).noneMatch(event -> event.get("description").equals("【北京】伪造的签收"));

        // The whole timeline again, as Kuaidi100 re-sends it, and the same callback twice.
        String replayed = CarrierCallbacks.param("shutdown", "zhongtong", number, "3", entries(timeline));
        for (int i = 0; i < 2; i++) {
            callbacks
                    .post("sandbox", replayed, CarrierCallbacks.sign(replayed, ShippingServiceTest.SANDBOX_SALT))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .json("{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}");
        }
        // A stale callback from before the delivery, arriving last.
        String stale = CarrierCallbacks.param("polling", "zhongtong", number, "0", entries(timeline.subList(3, 5)));
        callbacks
                .post("sandbox", stale, CarrierCallbacks.sign(stale, ShippingServiceTest.SANDBOX_SALT))
                .expectStatus()
                .isOk();

        assertThat(timeline(customer, orderId)).isEqualTo(timeline);
        assertThat(shop.status(customer, orderId)).isEqualTo("DELIVERED");
        await().until(() -> nothingWaitingToBePublished(orderId));
        assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, OrderDelivered.class))
                .hasSize(1);
        assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, OrderInTransit.class))
                .hasSize(1);
    }

    @Test
    void aCallbackAboutAParcelNoOrderShipsWithIsAcknowledgedAndIgnored() throws Exception {
        String param = CarrierCallbacks.param(
                "polling",
                "yuantong",
                trackingNumber(),
                "0",
                List.of(new CarrierCallbacks.Entry("在途", "【上海市】快件已发出", "上海市", Instant.now())));

        callbacks
                .post("sandbox", param, CarrierCallbacks.sign(param, ShippingServiceTest.SANDBOX_SALT))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo(true);
        callbacks
                .post("kuaidi100", param, CarrierCallbacks.sign(param, ShippingServiceTest.SANDBOX_SALT))
                .expectStatus()
                .isNotFound();
        callbacks
                .post("sandbox", "{not json", CarrierCallbacks.sign("{not json", ShippingServiceTest.SANDBOX_SALT))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void theCustomerConfirmsReceiptOfADeliveredOrderOnce() {
        String orderId = shop.confirmedOrder(customer, book);
        customer.post()
                .uri("/api/orders/{id}/receive", orderId)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.orderStatus")
                .isEqualTo("CONFIRMED");
        shop.ship(admin, orderId, "yunda", trackingNumber());
        shop.awaitStatus(customer, orderId, "DELIVERED");

        customer(shop.http(), newCustomerId())
                .post()
                .uri("/api/orders/{id}/receive", orderId)
                .exchange()
                .expectStatus()
                .isNotFound();
        admin.post()
                .uri("/api/orders/{id}/receive", orderId)
                .exchange()
                .expectStatus()
                .isForbidden();
        customer.post()
                .uri("/api/orders/{id}/receive", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RECEIVED");
        customer.post()
                .uri("/api/orders/{id}/receive", orderId)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType("application/problem+json");

        OrderReceived received = await().until(
                        () -> traffic.published(Topics.ORDER_EVENTS, orderId, OrderReceived.class),
                        found -> !found.isEmpty())
                .getFirst();
        assertThat(received.automatic()).isFalse();
        assertThat(received.lines()).extracting(line -> line.bookId()).containsExactly(book);
        assertThat(received.customer()).hasSize(64).isNotEqualTo(customerId);
    }

    @Test
    void anOrderLeftDeliveredIsReceivedAutomaticallyOnceTheWindowHasPassed() {
        String orderId = shop.confirmedOrder(customer, book);
        shop.ship(admin, orderId, "shentong", trackingNumber());
        shop.awaitStatus(customer, orderId, "DELIVERED");

        shop.awaitStatus(customer, orderId, "RECEIVED");

        OrderReceived received = await().until(
                        () -> traffic.published(Topics.ORDER_EVENTS, orderId, OrderReceived.class),
                        found -> !found.isEmpty())
                .getFirst();
        assertThat(received.automatic()).isTrue();
        Instant deliveredAt = deliveredAt(orderId);
        assertThat(received.occurredAt()).isAfterOrEqualTo(deliveredAt.plus(Duration.ofSeconds(8)));
    }

    @Test
    void theTimelineIsTheOwnersAndAdminsOnly() {
        String orderId = shop.confirmedOrder(customer, book);
        shop.ship(admin, orderId, "ems", trackingNumber());

        customer(shop.http(), newCustomerId())
                .get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat((String) type).endsWith("/order-not-found"));
        admin.get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.carrier")
                .isEqualTo("ems");
        WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private static String trackingNumber() {
        return "SF" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000_000L);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(WebTestClient caller, String orderId) {
        Map<String, Object> tracking = caller.get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) tracking.get("events");
    }

    private static List<CarrierCallbacks.Entry> entries(List<Map<String, Object>> timeline) {
        return timeline.stream()
                .map(event -> new CarrierCallbacks.Entry(
                        switch ((String) event.get("status")) {
                            case "COLLECTED" -> "揽收";
                            case "OUT_FOR_DELIVERY" -> "派件";
                            case "DELIVERED" -> "签收";
                            default -> "在途";
                        },
                        (String) event.get("description"),
                        (String) event.get("place"),
                        Instant.parse((String) event.get("at"))))
                .toList();
    }

    private Map<String, Object> subscription(String orderId) {
        return await().until(
                        () -> database.sql(
                                        "SELECT subscribed_at IS NOT NULL AS subscribed, attempts FROM carrier_subscription"
                                                + " WHERE order_id = CAST(:id AS UUID)")
                                .bind("id", orderId)
                                .fetch()
                                .one()
                                .block(),
                        row -> row != null);
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

    private Instant deliveredAt(String orderId) {
        return database.sql("SELECT delivered_at FROM customer_order WHERE id = CAST(:id AS UUID)")
                .bind("id", orderId)
                .map(row -> row.get(0, Instant.class))
                .one()
                .block();
    }
}
