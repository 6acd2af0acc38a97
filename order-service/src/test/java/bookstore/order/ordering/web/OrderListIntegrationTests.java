package bookstore.order.ordering.web;

import static bookstore.order.Callers.admin;
import static bookstore.order.Callers.checkout;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.events.Topics;
import bookstore.order.OrderServiceTest;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import bookstore.testsupport.paging.PageWindowContract;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Listing orders with filters, {@code GET /api/orders?customerId=&status=&from=&to=}: admins by customer, status and
 * placing time, customers only ever their own.
 */
@OrderServiceTest
class OrderListIntegrationTests {

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
    String ann;
    String bob;
    /** A day of its own for this test's orders, long ago, so that other tests' orders rarely share it. */
    Instant day;

    String annFirst;
    String annCancelled;
    String annLast;
    String bobFirst;
    String bobLast;

    @BeforeEach
    void annAndBobPlaceOrdersAtKnownTimes() {
        traffic = new SagaTraffic(
                bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS, Topics.INVENTORY_COMMANDS, Topics.ORDER_EVENTS);
        String book = new TestCatalogue(traffic, database).add("球状闪电", 1500);
        ann = newCustomerId();
        bob = newCustomerId();
        day = Instant.parse("2001-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(3650)));

        annFirst = place(ann, book, hours(1));
        annCancelled = place(ann, book, hours(2));
        annLast = place(ann, book, hours(3));
        bobFirst = place(bob, book, hours(1).plusSeconds(1800));
        bobLast = place(bob, book, hours(4));
        customer(http, ann)
                .post()
                .uri("/api/orders/{id}/cancel", annCancelled)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @AfterEach
    void closeTraffic() {
        traffic.close();
    }

    @Test
    void customersListOnlyTheirOwnOrdersNamedOrNot() {
        WebTestClient asAnn = customer(http, ann);

        assertThat(ids(list(asAnn, uri -> uri))).containsExactly(annLast, annCancelled, annFirst);
        assertThat(ids(list(asAnn, uri -> uri.queryParam("customerId", ann))))
                .containsExactly(annLast, annCancelled, annFirst);
        assertThat(ids(list(asAnn, uri -> uri.queryParam("customerId", ""))))
                .containsExactly(annLast, annCancelled, annFirst);
    }

    @Test
    void aCustomerNamingAnotherCustomerIsForbidden() {
        customer(http, ann)
                .get()
                .uri(uri ->
                        uri.path("/api/orders").queryParam("customerId", bob).build())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/forbidden")
                .jsonPath("$.items")
                .doesNotExist();
    }

    @Test
    void adminsListOneCustomersOrders() {
        WebTestClient admin = admin(http);

        Map<String, Object> bobs = list(admin, uri -> uri.queryParam("customerId", bob));
        assertThat(ids(bobs)).containsExactly(bobLast, bobFirst);
        assertThat(bobs).containsEntry("total", 2);
        assertThat(list(admin, uri -> uri.queryParam("customerId", newCustomerId())))
                .containsEntry("total", 0);
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        WebTestClient admin = admin(http);

        assertThat(ids(list(admin, uri -> uri.queryParam("customerId", ann).queryParam("from", hours(2)))))
                .containsExactly(annLast, annCancelled);
        assertThat(ids(list(admin, uri -> uri.queryParam("customerId", ann).queryParam("to", hours(3)))))
                .containsExactly(annCancelled, annFirst);
        assertThat(ids(list(admin, uri -> uri.queryParam("customerId", ann)
                        .queryParam("from", hours(2))
                        .queryParam("to", hours(3)))))
                .containsExactly(annCancelled);
        assertThat(list(admin, uri -> uri.queryParam("customerId", ann)
                        .queryParam("from", hours(2))
                        .queryParam("to", hours(2))))
                .containsEntry("total", 0);
    }

    @Test
    void boundsMayBeWrittenWithAnOffset() {
        String eightInTheMorningInBeijing =
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(hours(2).atOffset(ZoneOffset.ofHours(8)));

        assertThat(ids(list(
                        customer(http, ann),
                        uri -> uri.queryParam("from", "{from}"),
                        Map.of("from", eightInTheMorningInBeijing))))
                .containsExactly(annLast, annCancelled);
    }

    @Test
    void adminsListEverybodysOrdersWithinATimeRange() {
        Map<String, Object> range = list(admin(http), uri -> uri.queryParam("from", hours(1))
                .queryParam("to", hours(3))
                .queryParam("size", 100));

        assertThat(ids(range)).contains(annFirst, bobFirst, annCancelled).doesNotContain(annLast, bobLast);
        assertThat(items(range))
                .extracting(order -> Instant.parse((String) order.get("placedAt")))
                .allMatch(placed -> !placed.isBefore(hours(1)) && placed.isBefore(hours(3)))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(((Number) range.get("total")).longValue()).isEqualTo(placedBetween(hours(1), hours(3)));
    }

    @Test
    void filtersCombine() {
        WebTestClient admin = admin(http);

        assertThat(ids(list(admin, uri -> uri.queryParam("customerId", ann).queryParam("status", "CANCELLED"))))
                .containsExactly(annCancelled);
        assertThat(ids(list(admin, uri -> uri.queryParam("customerId", ann)
                        .queryParam("status", "PENDING")
                        .queryParam("from", hours(2)))))
                .containsExactly(annLast);
        assertThat(ids(list(admin, uri -> uri.queryParam("status", "PENDING")
                        .queryParam("from", hours(1))
                        .queryParam("to", hours(3))
                        .queryParam("size", 100))))
                .contains(annFirst, bobFirst)
                .doesNotContain(annCancelled, annLast, bobLast);
        assertThat(ids(list(customer(http, ann), uri -> uri.queryParam("status", "PENDING")
                        .queryParam("to", hours(2)))))
                .containsExactly(annFirst);
    }

    @Test
    void filteredListsPageNewestFirst() {
        WebTestClient admin = admin(http);
        Function<UriBuilder, UriBuilder> anns =
                uri -> uri.queryParam("customerId", ann).queryParam("size", 2);

        Map<String, Object> first = list(admin, anns);
        Map<String, Object> second = list(admin, uri -> anns.apply(uri).queryParam("page", 1));

        assertThat(ids(first)).containsExactly(annLast, annCancelled);
        assertThat(ids(second)).containsExactly(annFirst);
        assertThat(second).containsEntry("page", 1).containsEntry("size", 2).containsEntry("total", 3);
        // Two to a page, the last page within the first 10,000 orders is 4999.
        assertThat(list(admin, uri -> anns.apply(uri).queryParam("page", 4_999)))
                .containsEntry("page", 4_999)
                .containsEntry("total", 3)
                .containsEntry("items", List.of());
    }

    @ParameterizedTest
    @CsvSource({
        "from, yesterday",
        "from, 2026-12-01",
        "from, 2026-13-01T00:00:00Z",
        "to, 2026-12-01T00:00:00",
        "to, '2026-12-01T00:00:00 08:00'",
        "from, +300000-01-01T00:00:00Z",
        "to, -5000-01-01T00:00:00Z",
        "page, 100001",
        "page, 2147483647",
        "page, 10000",
        "page, 500",
        "page, -1",
        "size, 0",
        "size, 101",
    })
    void badParametersAreA400ProblemAndChangeNothing(String parameter, String value) {
        List<Map<String, Object>> before = stored(ann);

        customer(http, ann)
                .get()
                .uri(uri ->
                        uri.path("/api/orders").queryParam(parameter, "{value}").build(Map.of("value", value)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo(parameter);
        assertThat(stored(ann)).isEqualTo(before);
    }

    @Test
    void onlyTheFirst10000OrdersCanBePagedThrough() {
        List<Map<String, Object>> before = stored(ann);

        PageWindowContract.refusesPagesBeyondTheWindow(admin(http), "/api/orders");
        PageWindowContract.refusesPagesBeyondTheWindow(customer(http, ann), "/api/orders");
        PageWindowContract.answersTheLastPage(admin(http), "/api/orders");
        assertThat(stored(ann)).isEqualTo(before);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsA400Problem() {
        List<Map<String, Object>> before = stored(ann);

        admin(http)
                .get()
                .uri(uri -> uri.path("/api/orders")
                        .queryParam("from", hours(3))
                        .queryParam("to", hours(2))
                        .build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        assertThat(stored(ann)).isEqualTo(before);
    }

    @Test
    void anOverlongCustomerIdIsA400Problem() {
        admin(http)
                .get()
                .uri(uri -> uri.path("/api/orders")
                        .queryParam("customerId", "c".repeat(101))
                        .build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("customerId");
    }

    private Instant hours(int hours) {
        return day.plus(Duration.ofHours(hours));
    }

    /** Places an order and moves its placing time to the one given, so that tests need not wait for time to pass. */
    private String place(String customerId, String book, Instant placedAt) {
        String id = (String) customer(http, customerId)
                .post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(book, 1))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        database.sql("UPDATE customer_order SET placed_at = :placedAt WHERE id = :id")
                .bind("placedAt", placedAt)
                .bind("id", UUID.fromString(id))
                .then()
                .block();
        return id;
    }

    private Map<String, Object> list(WebTestClient caller, Function<UriBuilder, UriBuilder> parameters) {
        return list(caller, parameters, Map.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> list(
            WebTestClient caller, Function<UriBuilder, UriBuilder> parameters, Map<String, ?> variables) {
        return caller.get()
                .uri(uri -> parameters.apply(uri.path("/api/orders")).build(variables))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(order -> (String) order.get("id")).toList();
    }

    private long placedBetween(Instant from, Instant to) {
        return database.sql("SELECT count(*) FROM customer_order WHERE placed_at >= :from AND placed_at < :to")
                .bind("from", from)
                .bind("to", to)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    /** What is stored of a customer's orders, to show that a refused request changed none of it. */
    private List<Map<String, Object>> stored(String customerId) {
        return database.sql("SELECT id, status, updated_at, placed_at FROM customer_order WHERE customer_id = :customer"
                        + " ORDER BY id")
                .bind("customer", customerId)
                .fetch()
                .all()
                .collectList()
                .block();
    }
}
