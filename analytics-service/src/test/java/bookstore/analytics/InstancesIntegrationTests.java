package bookstore.analytics;

import static bookstore.analytics.streams.TestRecords.customer;
import static bookstore.analytics.streams.TestRecords.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.analytics.streams.TestRecords;
import bookstore.events.Topics;
import bookstore.events.order.SaleRecorded;
import bookstore.platform.messaging.EventPublisher;
import bookstore.testsupport.Infrastructure;
import bookstore.testsupport.StubIdentityProvider;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Two analytics instances on the real broker share the partitions of every store and answer every question in
 * full, whichever of them is asked; when one stops, the other still answers correctly; and a third, started from
 * nothing on the same topics, rebuilds the same answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstancesIntegrationTests {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String APPLICATION_ID = "analytics-instances-" + RUN;
    private static final int BOOKS = 12;
    private static final int CUSTOMERS = 20;
    private static final int ORDERS = 60;
    private static final int CUSTOMER_BASE = 1_000_000 + Math.floorMod(RUN.hashCode(), 1_000_000) * 100;
    private static final Instant START = Instant.parse("2025-03-01T02:00:00Z");
    private static final String SALES = "/api/analytics/sales?from=2025-03-01&to=2025-04-30&granularity=WEEK";
    private static final String TOP = "/api/analytics/top-sellers?from=2025-03-01&to=2025-04-30&limit=" + BOOKS;

    private static final StubIdentityProvider identity = StubIdentityProvider.start();
    private static final List<SaleRecorded> sales = new ArrayList<>();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static String admin;
    private static long expectedUnits;
    private static Map<String, Integer> expectedOrdersByCustomer = new HashMap<>();

    @BeforeAll
    static void twoInstancesAndTheShopsSales() {
        admin = identity.adminToken();
        first = start("first", APPLICATION_ID);
        second = start("second", APPLICATION_ID);
        ShopTraffic traffic = new ShopTraffic(first.getBean(EventPublisher.class));
        for (int book = 0; book < BOOKS; book++) {
            traffic.publish(
                    Topics.CATALOG_BOOKS,
                    TestRecords.bookAdded(book(book), "Book " + book, "Category " + book % 3, 1_000));
        }
        for (int order = 0; order < ORDERS; order++) {
            String orderId = UUID.nameUUIDFromBytes((RUN + order).getBytes(StandardCharsets.UTF_8))
                    .toString();
            // Customers of this run only: other classes publish on the same broker's topics.
            int customer = CUSTOMER_BASE + order % CUSTOMERS;
            Instant at = START.plus(Duration.ofHours(17L * order));
            for (int line = 0; line < 1 + order % 3; line++) {
                int quantity = 1 + (order + line) % 4;
                sales.add(sale(orderId, book((order * 7 + line) % BOOKS), quantity, 1_000, customer(customer), at));
                expectedUnits += quantity;
            }
            expectedOrdersByCustomer.merge(customer(customer), 1, Integer::sum);
        }
        traffic.publish(Topics.SALES_EVENTS, sales.toArray(SaleRecorded[]::new));
    }

    @AfterAll
    static void stopEverything() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null && instance.isActive()) {
                instance.close();
            }
        }
        identity.close();
    }

    @Test
    @Order(1)
    void bothInstancesHoldPartitionsAndEachAnswersEverything() {
        JsonNode fromFirst = awaitComplete(first, SALES);
        JsonNode fromSecond = awaitComplete(second, SALES);
        assertThat(fromFirst).isEqualTo(fromSecond);
        assertThat(fromFirst.get("total").get("orders").asLong()).isEqualTo(ORDERS);
        awaitEqual(second, TOP, awaitTop(first));

        Set<Integer> partitions = new HashSet<>();
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            JsonNode share = get(instance, "/api/analytics/partials/shop-days?from=2025-03-01&to=2025-04-30");
            assertThat(share.get("partitions"))
                    .as("partitions held by one instance")
                    .isNotEmpty();
            share.get("partitions").forEach(partition -> assertThat(partitions.add(partition.asInt()))
                    .as("partition " + partition + " held once")
                    .isTrue());
        }
        assertThat(partitions).hasSize(Topics.SALES_EVENTS.partitions());

        // Each customer lives on one instance; both answer for every one of them.
        for (Map.Entry<String, Integer> customer : expectedOrdersByCustomer.entrySet()) {
            for (ConfigurableApplicationContext instance : List.of(first, second)) {
                assertThat(get(instance, "/api/analytics/customers/" + customer.getKey())
                                .get("orders")
                                .asInt())
                        .isEqualTo(customer.getValue());
            }
        }
    }

    @Test
    @Order(2)
    void whenOneInstanceStopsTheOtherStillAnswersInFull() {
        JsonNode before = awaitComplete(first, SALES);
        JsonNode topBefore = awaitTop(first);
        second.close();

        JsonNode after = awaitComplete(first, SALES);
        assertThat(after).isEqualTo(before);
        assertThat(get(first, TOP)).isEqualTo(topBefore);
        JsonNode share = get(first, "/api/analytics/partials/shop-days?from=2025-03-01&to=2025-04-30");
        assertThat(share.get("partitions")).hasSize(Topics.SALES_EVENTS.partitions());
        for (Map.Entry<String, Integer> customer : expectedOrdersByCustomer.entrySet()) {
            assertThat(get(first, "/api/analytics/customers/" + customer.getKey())
                            .get("orders")
                            .asInt())
                    .isEqualTo(customer.getValue());
        }
    }

    @Test
    @Order(3)
    void anInstanceStartedFromNothingRebuildsTheSameAnswersFromTheTopics() {
        JsonNode sales = awaitComplete(first, SALES);
        JsonNode top = awaitTop(first);
        JsonNode segments = get(first, "/api/analytics/segments?from=2025-03-01&to=2025-04-30");
        JsonNode customers = get(first, "/api/analytics/customers?from=2025-03-01&to=2025-04-30&granularity=MONTH");

        try (ConfigurableApplicationContext rebuilt = start("rebuilt", APPLICATION_ID + "-rebuilt")) {
            // Each store fills at its own pace (they are fed through different repartition topics): wait for each
            // to reach the answer, and fail if one never does.
            assertThat(awaitComplete(rebuilt, SALES)).isEqualTo(sales);
            awaitEqual(rebuilt, TOP, top);
            awaitEqual(rebuilt, "/api/analytics/segments?from=2025-03-01&to=2025-04-30", segments);
            awaitEqual(rebuilt, "/api/analytics/customers?from=2025-03-01&to=2025-04-30&granularity=MONTH", customers);
        }
    }

    private static JsonNode awaitComplete(ConfigurableApplicationContext instance, String uri) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> get(instance, uri),
                        report -> report.get("total").get("units").asLong() == expectedUnits
                                && report.get("total").get("orders").asLong() == ORDERS);
    }

    /** The top sellers once every copy sold is counted in them. */
    private static JsonNode awaitTop(ConfigurableApplicationContext instance) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> get(instance, TOP), report -> {
                    long units = 0;
                    for (JsonNode book : report.get("books")) {
                        units += book.get("units").asLong();
                    }
                    return units == expectedUnits;
                });
    }

    private static void awaitEqual(ConfigurableApplicationContext instance, String uri, JsonNode expected) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(get(instance, uri)).isEqualTo(expected));
    }

    private static JsonNode get(ConfigurableApplicationContext instance, String uri) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + instance.getEnvironment().getProperty("server.port"))
                .responseTimeout(Duration.ofSeconds(90))
                .build()
                .get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static ConfigurableApplicationContext start(String name, String applicationId) {
        int port = freePort();
        // As arguments: they must win over the platform's defaults, which would point at a broker on :9092.
        return new SpringApplicationBuilder(AnalyticsServiceApplication.class, OwnNettyResources.class)
                .run(
                        "--server.port=" + port,
                        "--spring.kafka.bootstrap-servers="
                                + Infrastructure.kafka().bootstrapServers(),
                        "--bookstore.security.jwks-uri=" + identity.jwksUri(),
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--spring.kafka.streams.state-dir=" + System.getProperty("java.io.tmpdir") + "/analytics-" + RUN
                                + "-" + name,
                        "--spring.kafka.streams.properties.num.standby.replicas=1");
    }

    /**
     * Each instance its own Netty event loops: by default they share the JVM's global ones, and stopping one
     * instance would stop the other's server too. (Separate processes, as in production, share nothing anyway.)
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private static String book(int number) {
        return "book-" + RUN + "-" + number;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
