package bookstore.analytics.web;

import static bookstore.analytics.streams.TestRecords.customer;
import static bookstore.analytics.streams.TestRecords.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.analytics.ShopTraffic;
import bookstore.analytics.streams.TestRecords;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderLine;
import bookstore.events.order.OrderPlaced;
import bookstore.events.user.UserRegistered;
import bookstore.platform.messaging.EventPublisher;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.StubIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The reports through real HTTP, on the real broker, with real tokens: the shop's events go in as its services
 * publish them, and the reports say what they should.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReportsApiIntegrationTests {

    private static final StubIdentityProvider identity = StubIdentityProvider.start();
    private static final int PORT = FreePorts.one();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Instant NOON_11_NOV = Instant.parse("2024-11-11T04:00:00Z");
    private static final Instant NOON_12_NOV = Instant.parse("2024-11-12T04:00:00Z");
    private static final String SCIFI = "Science Fiction " + RUN;
    private static final String MYSTERY = "Mystery " + RUN;

    private static String admin;
    private static boolean published;

    @Autowired
    EventPublisher publisher;

    WebTestClient http;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("bookstore.security.jwks-uri", identity::jwksUri);
        registry.add("spring.kafka.streams.application-id", () -> "analytics-reports-" + RUN);
        registry.add(
                "spring.kafka.streams.state-dir", () -> System.getProperty("java.io.tmpdir") + "/analytics-" + RUN);
        registry.add("spring.kafka.streams.properties.num.standby.replicas", () -> 0);
        registry.add("bookstore.analytics.forecast.interval", () -> "1s");
    }

    @BeforeAll
    static void tokens() {
        admin = identity.adminToken();
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @BeforeEach
    void shopTraded() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + PORT)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        if (published) {
            return;
        }
        ShopTraffic traffic = new ShopTraffic(publisher);
        traffic.publish(
                Topics.CATALOG_BOOKS,
                TestRecords.bookAdded(book("dune"), "Dune", SCIFI, 5_000),
                TestRecords.bookAdded(book("solaris"), "Solaris", SCIFI, 4_000),
                TestRecords.bookAdded(book("poirot"), "Poirot", MYSTERY, 3_000),
                TestRecords.bookAdded(book("steady"), "Steady", MYSTERY, 2_000));
        traffic.publish(
                Topics.INVENTORY_STOCK,
                new StockLevelChanged(UUID.randomUUID(), Instant.now(), book("dune"), 10, 0, 10, 1),
                new StockLevelChanged(UUID.randomUUID(), Instant.now(), book("solaris"), 6, 0, 6, 1),
                new StockLevelChanged(UUID.randomUUID(), Instant.now(), book("poirot"), 4, 0, 4, 1),
                new StockLevelChanged(UUID.randomUUID(), Instant.now(), book("steady"), 5, 0, 5, 1));
        // Two copies a day for the last ten weeks: a steady seller that 5 copies will not last.
        List<bookstore.events.order.SaleRecorded> steady = new java.util.ArrayList<>();
        for (int day = 1; day <= 70; day++) {
            Instant at = Instant.now().minus(Duration.ofDays(day));
            steady.add(sale(order(1_000 + day), book("steady"), 2, 2_000, customer(100 + day % 7), at));
        }
        traffic.publish(Topics.SALES_EVENTS, steady.toArray(bookstore.events.order.SaleRecorded[]::new));
        traffic.publish(
                Topics.SALES_EVENTS,
                sale(order(1), book("dune"), 2, 5_000, customer(1), NOON_11_NOV),
                sale(order(1), book("poirot"), 1, 3_000, customer(1), NOON_11_NOV),
                sale(order(2), book("dune"), 1, 5_000, customer(2), NOON_11_NOV),
                sale(order(3), book("solaris"), 1, 4_000, customer(1), NOON_12_NOV),
                // Sold today: what days of cover are measured against.
                sale(order(4), book("dune"), 7, 5_000, customer(3), Instant.now()));
        Money total = new Money(13_000, "CNY");
        List<OrderLine> lines = List.of(new OrderLine(book("dune"), 2, new Money(5_000, "CNY")));
        traffic.publish(
                Topics.ORDER_EVENTS,
                new OrderPlaced(UUID.randomUUID(), NOON_11_NOV, order(1), customer(1), lines, total),
                new OrderPlaced(UUID.randomUUID(), NOON_11_NOV, order(5), customer(4), lines, total),
                new OrderConfirmed(UUID.randomUUID(), NOON_11_NOV, order(1), total),
                new OrderCancelled(UUID.randomUUID(), NOON_11_NOV, order(5), "payment failed: card declined"));
        traffic.publish(Topics.USER_EVENTS, new UserRegistered(UUID.randomUUID(), NOON_11_NOV, "account-" + RUN));
        published = true;
    }

    @Test
    void salesPerDayWeekAndMonthAddUpOrdersCopiesRevenueAndAverageOrderValue() {
        JsonNode daily = awaitReport(
                "/api/analytics/sales?from=2024-11-10&to=2024-11-12",
                report -> report.get("total").get("orders").asLong() == 3
                        && report.get("total").get("units").asLong() == 5);

        assertThat(daily.get("periods")).hasSize(3);
        JsonNode eleventh = daily.get("periods").get(1);
        assertThat(eleventh.get("start").asString()).isEqualTo("2024-11-11");
        assertThat(eleventh.get("orders").asLong()).isEqualTo(2);
        assertThat(eleventh.get("units").asLong()).isEqualTo(4);
        assertThat(eleventh.get("revenue").get("amount").asLong()).isEqualTo(18_000);
        assertThat(eleventh.get("averageOrderValue").get("amount").asLong()).isEqualTo(9_000);
        assertThat(daily.get("periods").get(0).get("averageOrderValue").isNull())
                .isTrue();
        assertThat(daily.get("total").get("revenue").get("amount").asLong()).isEqualTo(22_000);

        JsonNode monthly = get("/api/analytics/sales?from=2024-10-01&to=2024-12-31&granularity=MONTH");
        assertThat(monthly.get("periods")).hasSize(3);
        assertThat(monthly.get("periods").get(1).get("units").asLong()).isEqualTo(5);
        JsonNode weekly = get("/api/analytics/sales?from=2024-11-01&to=2024-11-30&granularity=WEEK");
        // Weeks start on Monday: 28 October is the first, the one holding 1 November.
        assertThat(weekly.get("periods").get(0).get("start").asString()).isEqualTo("2024-10-28");
    }

    @Test
    void ranksTopSellersAndSplitsSalesByCategoryAcrossMonthsAndLooseDays() {
        JsonNode top = awaitReport(
                "/api/analytics/top-sellers?from=2024-10-15&to=2024-12-31&limit=2",
                report -> report.get("books").size() == 2
                        && report.get("books").get(0).get("units").asLong() == 3);
        assertThat(top.get("books").get(0).get("title").asString()).isEqualTo("Dune");
        assertThat(top.get("books").get(0).get("units").asLong()).isEqualTo(3);
        assertThat(top.get("books").get(0).get("category").asString()).isEqualTo(SCIFI);

        JsonNode byCategory = awaitReport(
                "/api/analytics/sales/by/CATEGORY?from=2024-11-11&to=2024-11-12",
                report -> report.get("shares").get(0).get("units").asLong() == 4);
        JsonNode first = byCategory.get("shares").get(0);
        assertThat(first.get("name").asString()).isEqualTo(SCIFI);
        assertThat(first.get("units").asLong()).isEqualTo(4);
        assertThat(first.get("unitsShare").asDouble()).isEqualTo(0.8);
    }

    @Test
    void everyReportIsAlsoCsv() {
        awaitReport(
                "/api/analytics/top-sellers?from=2024-11-11&to=2024-11-12",
                report -> report.get("books").get(0).get("units").asLong() == 3);
        byte[] csv = http.get()
                .uri("/api/analytics/top-sellers?from=2024-11-11&to=2024-11-12")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody()
                .returnResult()
                .getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFrank,book_id,title,authors,category,publisher,units,revenue,lines,available\r\n");
        assertThat(text).contains(",Dune,Author of Dune," + SCIFI + ",Publisher of Dune,3,150.00,2,10\r\n");
    }

    @Test
    void ordersOutcomesCountByPlacementDayWithReasons() {
        JsonNode outcomes = awaitReport(
                "/api/analytics/order-outcomes?from=2024-11-11&to=2024-11-11",
                report -> report.get("total").get("placed").asLong() == 2
                        && report.get("total").get("confirmed").asLong() == 1
                        && report.get("total").get("cancelled").asLong() == 1);
        assertThat(outcomes.get("total").get("confirmed").asLong()).isEqualTo(1);
        assertThat(outcomes.get("total").get("cancellationRate").asDouble()).isEqualTo(0.5);
        assertThat(outcomes.get("cancellationReasons").get("payment failed").asLong())
                .isEqualTo(1);
    }

    @Test
    void customersAreNewOrReturningAndSegmented() {
        JsonNode customers = awaitReport(
                "/api/analytics/customers?from=2024-11-11&to=2024-11-12",
                report -> report.get("customersToDate").asLong() == 2
                        && report.get("repeatCustomers").asLong() == 1
                        && report.get("periods").get(0).get("registrations").asLong() == 1);
        JsonNode eleventh = customers.get("periods").get(0);
        assertThat(eleventh.get("newCustomers").asLong()).isEqualTo(2);
        assertThat(eleventh.get("registrations").asLong()).isEqualTo(1);
        JsonNode twelfth = customers.get("periods").get(1);
        assertThat(twelfth.get("returningCustomers").asLong()).isEqualTo(1);
        assertThat(customers.get("repeatCustomers").asLong()).isEqualTo(1);

        JsonNode segments = get("/api/analytics/segments?from=2024-11-01&to=2024-11-30");
        JsonNode end = segments.get("snapshots").get(0);
        assertThat(end.get("asOf").asString()).isEqualTo("2024-11-30");
        assertThat(end.get("customers").asLong()).isEqualTo(2);

        JsonNode one = get("/api/analytics/customers/" + customer(1));
        assertThat(one.get("orders").asLong()).isEqualTo(2);
        assertThat(one.get("segment").asString()).isNotBlank();
    }

    @Test
    void stockIsMeasuredAgainstRecentSales() {
        JsonNode stock = awaitReport("/api/analytics/stock?recentDays=7&deadAfterDays=30", report -> {
            JsonNode dune = find(report.get("books"), book("dune"));
            JsonNode poirot = find(report.get("books"), book("poirot"));
            // Books are counted on their own partitions, in no order between them: wait for both.
            return dune != null
                    && dune.get("recentUnits").asLong() == 7
                    && dune.get("lastSale").asString().equals(ShopDays.today())
                    && poirot != null
                    && !poirot.get("lastSale").isNull();
        });
        JsonNode dune = find(stock.get("books"), book("dune"));
        assertThat(dune.get("dailySales").asDouble()).isEqualTo(1.0);
        assertThat(dune.get("daysOfCover").asDouble()).isEqualTo(10.0);
        assertThat(dune.get("dead").asBoolean()).isFalse();
        JsonNode poirot = find(stock.get("books"), book("poirot"));
        assertThat(poirot.get("daysOfCover").isNull()).isTrue();
        assertThat(poirot.get("dead").asBoolean()).isTrue();
        assertThat(poirot.get("lastSale").asString()).isEqualTo("2024-11-11");
    }

    @Test
    void forecastsATitlesAndACategorysWeeklyDemandAndSuggestsWhatToReorder() {
        JsonNode steady = awaitReport(
                "/api/analytics/forecasts/" + book("steady"),
                report -> report.get("history").get("values").size() >= 9
                        && report.get("history").get("values").get(1).asDouble() == 14);
        assertThat(steady.get("forecast").get("mean")).hasSize(26);
        double nextWeek = steady.get("forecast").get("mean").get(0).asDouble();
        assertThat(nextWeek).isBetween(10.0, 18.0);
        assertThat(steady.get("forecast").get("upper").get(0).asDouble()).isGreaterThanOrEqualTo(nextWeek);
        assertThat(steady.get("forecast").get("backtest").get("origins").asInt())
                .isPositive();

        JsonNode category = http.get()
                .uri(uri -> uri.path("/api/analytics/forecasts/categories/{category}")
                        .build(MYSTERY))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(category.get("title").asString()).isEqualTo(MYSTERY);
        assertThat(category.get("forecast").get("mean").get(0).asDouble()).isPositive();

        JsonNode shop = get("/api/analytics/forecasts/shop");
        assertThat(shop.get("subject").asString()).isEqualTo("shop");
        JsonNode shopWeeks = shop.get("history").get("values");
        // The last whole weeks hold at least the steady seller's 14 copies each.
        assertThat(shopWeeks.get(shopWeeks.size() - 2).asDouble()).isGreaterThanOrEqualTo(14);

        JsonNode reorders = awaitReport(
                "/api/analytics/reorder-suggestions?leadTimeDays=14&serviceLevel=0.95",
                report -> find(report.get("books"), book("steady")) != null);
        JsonNode reorder = find(reorders.get("books"), book("steady"));
        assertThat(reorder.get("available").asInt()).isEqualTo(5);
        // About 28 copies sell in two weeks; 5 are there; safety stock on top.
        assertThat(reorder.get("orderQuantity").asInt()).isBetween(23, 60);
        for (JsonNode suggested : reorders.get("books")) {
            assertThat(suggested.get("orderQuantity").asInt()).isPositive();
        }

        notFound("/api/analytics/forecasts/no-such-book", "book-not-found");
        notFound("/api/analytics/forecasts/categories/Nothing-" + RUN, "category-not-found");
        problem("/api/analytics/reorder-suggestions?serviceLevel=1.5", "validation");
        problem("/api/analytics/reorder-suggestions?leadTimeDays=0", "validation");
    }

    private void notFound(String uri, String kind) {
        http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/" + kind);
    }

    @Test
    void refusesCallersWhoAreNotStaffAndBadRangesWithProblems() {
        http.get().uri("/api/analytics/sales").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/api/analytics/sales")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.customerToken())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        problem("/api/analytics/sales?from=2024-11-12&to=2024-11-11", "invalid-range");
        problem("/api/analytics/sales?from=2000-01-01&to=2024-11-11", "invalid-range");
        problem("/api/analytics/sales?from=yesterday&to=2024-11-11", "validation");
        problem("/api/analytics/sales?granularity=HOUR", "malformed-request");
        problem("/api/analytics/top-sellers?limit=0", "validation");
        problem("/api/analytics/top-sellers?limit=101", "validation");
        problem("/api/analytics/sales/by/COLOUR", "malformed-request");
        problem("/api/analytics/customers/not-a-pseudonym", "validation");
        http.get()
                .uri("/api/analytics/customers/" + customer(999_999))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/customer-not-found");
    }

    private void problem(String uri, String kind) {
        http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/" + kind);
    }

    private JsonNode awaitReport(String uri, java.util.function.Predicate<JsonNode> complete) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> get(uri), complete);
    }

    private JsonNode get(String uri) {
        return http.get()
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

    private static JsonNode find(JsonNode books, String bookId) {
        for (JsonNode book : books) {
            if (book.get("bookId").asString().equals(bookId)) {
                return book;
            }
        }
        return null;
    }

    /** Today on the shop's calendar. */
    private static final class ShopDays {
        static String today() {
            return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        }
    }

    private static String book(String name) {
        return name + "-" + RUN;
    }

    private static String order(int number) {
        return UUID.nameUUIDFromBytes((RUN + "/" + number).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
