package bookstore.systemtests.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import bookstore.systemtests.support.TopicEnds;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Analytics through the gateway, in the shop as shipped: staff only, and an order confirmed now is in today's
 * figures within five seconds once analytics has taken in what the topics held (the shop starts with two years of
 * imported history).
 */
@SystemTest
class AnalyticsSystemTests {

    private static final Duration IN_TODAYS_FIGURES_WITHIN = Duration.ofSeconds(5);
    private static final Set<String> SOURCES = Set.of("sales.events.v1", "sales.imports.v1", "orders.events.v1");
    private static final String APPLICATION_ID = "bookstore-analytics";

    private final Shop shop;

    AnalyticsSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void anOrderConfirmedNowIsInTodaysFiguresWithinFiveSeconds() throws Exception {
        String bookId = Books.addOrderable(shop, "今日销量 Today's Figures", 2_800, 20);
        Customer reader = shop.newCustomer();
        awaitAnalyticsCaughtUp();

        String orderId = Orders.place(reader, bookId, 9, Orders.VISA)
                .expect(202)
                .json()
                .get("id")
                .asString();
        Orders.awaitStatus(reader, orderId, "CONFIRMED");

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        await().atMost(IN_TODAYS_FIGURES_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode books = shop.admin()
                            .get("/api/analytics/sales/by/BOOK?from=" + today + "&to=" + today + "&limit=100")
                            .expect(200)
                            .json()
                            .get("shares");
                    assertThat(books.findValuesAsString("key")).contains(bookId);
                    for (JsonNode book : books) {
                        if (book.get("key").asString().equals(bookId)) {
                            assertThat(book.get("units").asLong()).isEqualTo(9);
                            assertThat(book.get("revenue").get("amount").asLong())
                                    .isEqualTo(9 * 2_800);
                        }
                    }
                });
    }

    @Test
    void theImportedHistoryFillsTheReportsAndTheForecasts() throws Exception {
        awaitHistoryImported();
        awaitAnalyticsCaughtUp();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode months = shop.admin()
                .get("/api/analytics/sales?from=" + today.minusYears(2).withDayOfMonth(1) + "&to=" + today
                        + "&granularity=MONTH")
                .expect(200)
                .json();
        assertThat(months.get("periods").size()).isGreaterThanOrEqualTo(24);
        long monthsWithSales = 0;
        for (JsonNode month : months.get("periods")) {
            monthsWithSales += month.get("orders").asLong() > 0 ? 1 : 0;
        }
        assertThat(monthsWithSales).isGreaterThanOrEqualTo(23);

        JsonNode top = shop.admin()
                .get("/api/analytics/top-sellers?from=" + today.minusYears(1) + "&to=" + today + "&limit=1")
                .expect(200)
                .json();
        String bestseller = top.get("books").get(0).get("bookId").asString();
        JsonNode forecast = shop.admin()
                .get("/api/analytics/forecasts/" + bestseller)
                .expect(200)
                .json();
        assertThat(forecast.get("history").get("values").size()).isGreaterThanOrEqualTo(52);
        assertThat(forecast.get("forecast").get("mean").get(0).asDouble()).isPositive();
        JsonNode segments =
                shop.admin().get("/api/analytics/segments").expect(200).json();
        assertThat(segments.get("snapshots").get(0).get("customers").asLong()).isPositive();
    }

    @Test
    void onlyStaffSeeAnalytics() {
        Customer reader = shop.newCustomer();
        assertThat(reader.get("/api/analytics/sales")
                        .expect(403)
                        .json()
                        .get("status")
                        .asInt())
                .isEqualTo(403);
        shop.client().get("/api/analytics/sales").expect(401);
        shop.admin().get("/api/analytics/sales?from=2026-01-02&to=2026-01-01").expect(400);
    }

    /** Waits until the shop's sample history is on sales.imports.v1 (analytics imports it once the books are in). */
    private void awaitHistoryImported() throws Exception {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers());
        try (Admin kafka = Admin.create(settings)) {
            long[] last = {-1};
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> {
                        long records = TopicEnds.of(kafka, "sales.imports.v1"::equals).values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        boolean settled = records > 0 && records == last[0];
                        last[0] = records;
                        return settled;
                    });
        }
    }

    /** Waits until analytics has read everything the sales and order topics held when asked. */
    private void awaitAnalyticsCaughtUp() throws Exception {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shop.kafkaBootstrapServers());
        try (Admin kafka = Admin.create(settings)) {
            Map<TopicPartition, Long> ends = TopicEnds.of(kafka, SOURCES::contains);
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> read = kafka.listConsumerGroupOffsets(APPLICATION_ID)
                                .partitionsToOffsetAndMetadata()
                                .get();
                        return ends.entrySet().stream()
                                .allMatch(end -> end.getValue() == 0
                                        || (read.get(end.getKey()) != null
                                                && read.get(end.getKey()).offset() >= end.getValue()));
                    });
        }
    }
}
