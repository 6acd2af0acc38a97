package bookstore.order.shipping;

import static bookstore.order.Callers.admin;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Topics;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kuaidi100 adapter against Kuaidi100's documented messages: a local HTTP server stands in for
 * {@code poll.kuaidi100.com/poll} and answers as Kuaidi100 does (recorded in {@code kuaidi100/}),
 * and Kuaidi100's pushes are posted to the callback endpoint as recorded, signed with the salt.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bookstore.outbox.poll-interval=100ms",
            "bookstore.messaging.retry-interval=50ms",
            "bookstore.shipping.kuaidi100.key=test-authorisation-key",
            "bookstore.shipping.kuaidi100.customer=TEST-CUSTOMER-ID",
            "bookstore.shipping.kuaidi100.salt=" + Kuaidi100IntegrationTests.SALT,
            "bookstore.shipping.kuaidi100.callback-url=https://shop.example.com/api/shipping/callbacks/kuaidi100",
            "bookstore.shipping.subscriptions.poll-interval=200ms",
            "bookstore.shipping.subscriptions.first-back-off=300ms",
            "logging.structured.format.console="
        })
@RealKafka
@RealPostgres
class Kuaidi100IntegrationTests {

    static final String SALT = "kuaidi100-test-salt";

    /** poll.kuaidi100.com as the tests play it: answers from the queue, accepted when it is empty. */
    static final HttpServer KUAIDI100 = start();

    static final Queue<String> ANSWERS = new ConcurrentLinkedQueue<>();
    static final Queue<Map<String, String>> SUBSCRIPTIONS = new ConcurrentLinkedQueue<>();

    @DynamicPropertySource
    static void kuaidi100(DynamicPropertyRegistry properties) {
        properties.add(
                "bookstore.shipping.kuaidi100.url",
                () -> "http://localhost:" + KUAIDI100.getAddress().getPort() + "/poll");
    }

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
    WebTestClient customer;
    WebTestClient admin;
    String book;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS, Topics.PAYMENT_COMMANDS);
        shop = new Shop(context, traffic);
        customer = customer(shop.http(), newCustomerId());
        admin = admin(shop.http());
        book = new TestCatalogue(traffic, database).add("活着", 2300);
        ANSWERS.clear();
        SUBSCRIPTIONS.clear();
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @AfterAll
    static void stopKuaidi100() {
        KUAIDI100.stop(0);
    }

    @Test
    void shippingSubscribesWithKuaidi100sDocumentedRequestAndRetriesUntilItIsAccepted() {
        ANSWERS.add(recorded("subscribe-server-error.json"));
        String orderId = shop.confirmedOrder(customer, book);
        String number = "YT" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);

        shop.ship(admin, orderId, "YuanTong", number);

        await().until(() -> subscribed(orderId));
        assertThat(SUBSCRIPTIONS).hasSize(2);
        Map<String, String> request = SUBSCRIPTIONS.peek();
        assertThat(request).containsEntry("schema", "json").containsKey("param");
        JsonNode param = JsonMapper.builder().build().readTree(request.get("param"));
        assertThat(param.get("company").asString()).isEqualTo("yuantong");
        assertThat(param.get("number").asString()).isEqualTo(number);
        assertThat(param.get("key").asString()).isEqualTo("test-authorisation-key");
        assertThat(param.get("to").asString()).isEqualTo("北京");
        JsonNode parameters = param.get("parameters");
        assertThat(parameters.get("callbackurl").asString())
                .isEqualTo("https://shop.example.com/api/shipping/callbacks/kuaidi100");
        assertThat(parameters.get("salt").asString()).isEqualTo(SALT);
        assertThat(parameters.get("resultv2").asString()).isEqualTo("1");
        assertThat(attempts(orderId)).isEqualTo(2);
    }

    @Test
    void aRepeatedSubscriptionCountsAsAccepted() {
        ANSWERS.add(recorded("subscribe-duplicate.json"));
        String orderId = shop.confirmedOrder(customer, book);

        shop.ship(
                admin, orderId, "zhongtong", "ZT" + UUID.randomUUID().toString().substring(0, 12));

        await().until(() -> subscribed(orderId));
        assertThat(SUBSCRIPTIONS).hasSize(1);
    }

    @Test
    void recordedPushesMoveTheOrderAndBuildItsTimelineOnceEach() throws Exception {
        String orderId = shop.confirmedOrder(customer, book);
        shop.ship(admin, orderId, "shunfeng", "SF1402658971234");
        await().until(() -> subscribed(orderId));
        CarrierCallbacks callbacks = new CarrierCallbacks(port);
        String inTransit = recorded("push-in-transit.json").strip();
        String delivered = recorded("push-delivered.json").strip();

        callbacks
                .post("kuaidi100", inTransit, CarrierCallbacks.sign(inTransit, SALT))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}");
        shop.awaitStatus(customer, orderId, "IN_TRANSIT");
        callbacks
                .post(
                        "kuaidi100",
                        delivered,
                        CarrierCallbacks.sign(delivered, SALT).toLowerCase())
                .expectStatus()
                .isOk();
        callbacks
                .post("kuaidi100", inTransit, CarrierCallbacks.sign(inTransit, SALT))
                .expectStatus()
                .isOk();
        String tampered = delivered.replace("本人", "门卫");
        callbacks
                .post("kuaidi100", tampered, CarrierCallbacks.sign(delivered, SALT))
                .expectStatus()
                .isBadRequest();

        shop.awaitStatus(customer, orderId, "DELIVERED");
        customer.get()
                .uri("/api/orders/{id}/tracking", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.events[*].status")
                .isEqualTo(List.of("DELIVERED", "OUT_FOR_DELIVERY", "IN_TRANSIT", "IN_TRANSIT", "COLLECTED"))
                .jsonPath("$.events[0].place")
                .isEqualTo("北京,北京市,顺义区")
                .jsonPath("$.events[0].at")
                .isEqualTo("2026-12-06T03:02:47Z")
                .jsonPath("$.events[0].description")
                .value(description ->
                        assertThat((String) description).contains("本人").doesNotContain("门卫"))
                .jsonPath("$.events[4].description")
                .isEqualTo("顺丰速运 已收取快件");
    }

    private boolean subscribed(String orderId) {
        return Boolean.TRUE.equals(database.sql(
                        "SELECT subscribed_at IS NOT NULL FROM carrier_subscription WHERE order_id = CAST(:id AS UUID)")
                .bind("id", orderId)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block());
    }

    private int attempts(String orderId) {
        return database.sql("SELECT attempts FROM carrier_subscription WHERE order_id = CAST(:id AS UUID)")
                .bind("id", orderId)
                .map(row -> row.get(0, Integer.class))
                .one()
                .block();
    }

    static String recorded(String name) {
        try (InputStream in = Kuaidi100IntegrationTests.class.getResourceAsStream("/kuaidi100/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/poll", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean form = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                        .startsWith("application/x-www-form-urlencoded");
                if (form && "POST".equals(exchange.getRequestMethod())) {
                    SUBSCRIPTIONS.add(formOf(body));
                }
                String answer = ANSWERS.poll();
                byte[] bytes = (answer == null ? recorded("subscribe-accepted.json") : answer)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> formOf(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
