package bookstore.inventory.stock.web;

import static bookstore.inventory.StockFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.OrderLine;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.RestockReturn;
import bookstore.events.order.ReturnedCopies;
import bookstore.inventory.InventoryServiceTest;
import bookstore.inventory.StockFixtures;
import bookstore.inventory.reservation.application.CarryingOutStockCommands;
import bookstore.inventory.stock.application.OpeningStock;
import bookstore.platform.messaging.Delivered;
import bookstore.testsupport.paging.PageWindowContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The admin API over HTTP, against real PostgreSQL and Kafka. */
@InventoryServiceTest
class InventoryApiIntegrationTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    OpeningStock opening;

    @Autowired
    CarryingOutStockCommands carryingOut;

    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    WebTestClient customer;
    StockFixtures stock;

    @BeforeEach
    void signIn() {
        admin = anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
        customer = anonymous.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
        stock = new StockFixtures(opening, database);
    }

    @Test
    void adminsSeeOnHandReservedAndAvailableCopies() {
        String book = stock.bookWith(12);
        reserve(book, 2);

        admin.get()
                .uri("/api/inventory/{bookId}", book)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.bookId")
                .isEqualTo(book)
                .jsonPath("$.onHand")
                .isEqualTo(12)
                .jsonPath("$.reserved")
                .isEqualTo(2)
                .jsonPath("$.available")
                .isEqualTo(10)
                .jsonPath("$.lowStockThreshold")
                .isEqualTo(5);
    }

    @Test
    void aBookInventoryDoesNotStockIsNotFound() {
        for (String uri : List.of("/api/inventory/unknown-book", "/api/inventory/unknown-book/movements")) {
            admin.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/stock-not-found");
        }
        admin.post()
                .uri("/api/inventory/unknown-book/receipts")
                .bodyValue(Map.of("quantity", 3))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aReceiptAddsCopiesAndAnswersWithItsLedgerEntry() {
        String book = stock.bookWith(3);

        var created = admin.post()
                .uri("/api/inventory/{bookId}/receipts", book)
                .bodyValue(Map.of("quantity", 10, "note", "delivery 2026-118 from 中信出版社"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("RECEIPT")
                .jsonPath("$.onHandChange")
                .isEqualTo(10)
                .jsonPath("$.onHand")
                .isEqualTo(13)
                .jsonPath("$.available")
                .isEqualTo(13)
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.note")
                .isEqualTo("delivery 2026-118 from 中信出版社")
                .returnResult();
        String location = created.getResponseHeaders().getLocation().toString();

        admin.get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("RECEIPT");
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 13);
        assertThat(stock.outboxPayloads(book).getLast())
                .contains("\"onHand\":13")
                .contains("\"version\":2");
    }

    @Test
    void badReceiptsAreRefusedAsProblemsAndChangeNothing() {
        String book = stock.bookWith(3);
        List<String> badBodies = List.of(
                "{\"quantity\":0}",
                "{\"quantity\":-3}",
                "{}",
                "{\"quantity\":2.5}",
                "{\"quantity\":\"many\"}",
                "{\"quantity\":100001}",
                "{\"quantity\":1,\"onHand\":500}",
                "{\"quantity\":1,\"note\":\"" + "x".repeat(501) + "\"}",
                "{\"quantity\":");

        for (String body : badBodies) {
            admin.post()
                    .uri("/api/inventory/{bookId}/receipts", book)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title")
                    .exists()
                    .jsonPath("$.trace")
                    .doesNotExist();
        }
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 3).containsEntry("version", 1L);
        assertThat(stock.ledger(book)).hasSize(1);
    }

    @Test
    void adjustmentsAreReasonCoded() {
        String book = stock.bookWith(10);

        admin.post()
                .uri("/api/inventory/{bookId}/adjustments", book)
                .bodyValue(Map.of("change", -2, "reason", "DAMAGED", "note", "water damage"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("ADJUSTMENT")
                .jsonPath("$.reason")
                .isEqualTo("DAMAGED")
                .jsonPath("$.onHand")
                .isEqualTo(8);
        admin.post()
                .uri("/api/inventory/{bookId}/adjustments", book)
                .bodyValue(Map.of("change", 1, "reason", "found"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("FOUND")
                .jsonPath("$.onHand")
                .isEqualTo(9);
    }

    @Test
    void adjustmentsWithTheWrongSignOrAnUnknownReasonAreRefused() {
        String book = stock.bookWith(10);
        Map<Map<String, Object>, String> badAdjustments = Map.of(
                Map.of("change", 2, "reason", "DAMAGED"), "change",
                Map.of("change", -1, "reason", "FOUND"), "change",
                Map.of("change", 0, "reason", "CORRECTION"), "change",
                Map.of("change", -1, "reason", "EATEN"), "reason",
                Map.of("change", -1), "reason",
                Map.of("reason", "LOST"), "change");

        badAdjustments.forEach((body, field) -> admin.post()
                .uri("/api/inventory/{bookId}/adjustments", book)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field));
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("version", 1L);
    }

    @Test
    void copiesPromisedToOrdersCannotBeAdjustedAway() {
        String book = stock.bookWith(3);
        reserve(book, 2);

        admin.post()
                .uri("/api/inventory/{bookId}/adjustments", book)
                .bodyValue(Map.of("change", -2, "reason", "LOST"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/insufficient-stock");
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 3).containsEntry("reserved", 2);
    }

    @Test
    void aStocktakeAppliesTheCountAndRecordsTheVariance() {
        String book = stock.bookWith(10);
        reserve(book, 2);

        admin.post()
                .uri("/api/inventory/{bookId}/stocktakes", book)
                .bodyValue(Map.of("counted", 7, "note", "2026 Q4 盘点"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("STOCKTAKE")
                .jsonPath("$.onHandChange")
                .isEqualTo(-3)
                .jsonPath("$.onHand")
                .isEqualTo(7)
                .jsonPath("$.reserved")
                .isEqualTo(2)
                .jsonPath("$.available")
                .isEqualTo(5);
    }

    @Test
    void aCountBelowTheReservedCopiesOrBelowZeroIsRefused() {
        String book = stock.bookWith(10);
        reserve(book, 4);

        admin.post()
                .uri("/api/inventory/{bookId}/stocktakes", book)
                .bodyValue(Map.of("counted", 3))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        admin.post()
                .uri("/api/inventory/{bookId}/stocktakes", book)
                .bodyValue(Map.of("counted", -1))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 10).containsEntry("reserved", 4);
    }

    @Test
    void theThresholdDecidesWhetherABookIsListedAsRunningLow() {
        String book = stock.bookWith(20);
        assertThat(runningLow()).doesNotContain(book);

        admin.put()
                .uri("/api/inventory/{bookId}/low-stock-threshold", book)
                .bodyValue(Map.of("threshold", 20))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lowStockThreshold")
                .isEqualTo(20);

        assertThat(runningLow()).contains(book);
        assertThat(stock.outboxTypes(book)).endsWith(CloudEvents.typeOf(LowStockDetected.class));
    }

    @Test
    void theStockListingPagesThroughEveryBookByBookIdAndFiltersByThresholdAndBook() {
        String plenty = stock.bookWith(40);
        String low = stock.bookWith(2);

        List<Map<?, ?>> everything = listing("");
        List<String> ids =
                everything.stream().map(item -> (String) item.get("bookId")).toList();
        assertThat(ids).contains(plenty, low).isSorted().doesNotHaveDuplicates();
        assertThat(ids).hasSize(count("SELECT count(*) FROM stock_item"));
        assertThat(everything)
                .filteredOn(item -> item.get("bookId").equals(low))
                .singleElement()
                .satisfies(item -> assertThat((Map<Object, Object>) item)
                        .containsAllEntriesOf(Map.of("onHand", 2, "available", 2, "lowStockThreshold", 5)));

        List<String> runningLow = listing("&lowStock=true").stream()
                .map(item -> (String) item.get("bookId"))
                .toList();
        assertThat(runningLow).contains(low).doesNotContain(plenty);
        assertThat(runningLow).containsExactlyInAnyOrderElementsOf(runningLow());

        admin.get()
                .uri("/api/inventory?bookId={a}&bookId={b}&bookId=unknown-book&sort=available", plenty, low)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(2)
                .jsonPath("$.items[*].bookId")
                .isEqualTo(List.of(low, plenty));
    }

    @Test
    void badStockListingsAreRefusedWithAProblem() {
        String tooManyBooks = "bookId=" + String.join("&bookId=", java.util.Collections.nCopies(101, "b"));
        for (String query : List.of(
                "size=101",
                "size=0",
                "page=-1",
                "page=100001",
                "size=ten",
                "sort=title",
                "lowStock=maybe",
                tooManyBooks)) {
            admin.get()
                    .uri("/api/inventory?" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .value(type -> assertThat((String) type).startsWith("https://bookstore.example/problems/"));
        }
    }

    @Test
    void everyListingIsPagedWithinItsFirst10000Items() {
        String book = stock.bookWith(5);
        for (String listing :
                List.of("/api/inventory", "/api/inventory/low-stock", "/api/inventory/" + book + "/movements")) {
            PageWindowContract.refusesPagesBeyondTheWindow(admin, listing);
            PageWindowContract.answersTheLastPage(admin, listing)
                    .jsonPath("$.items")
                    .isEmpty();
        }
    }

    @Test
    void badThresholdsAreRefused() {
        String book = stock.bookWith(20);

        for (Object threshold : List.of(-1, 100_001, "low")) {
            admin.put()
                    .uri("/api/inventory/{bookId}/low-stock-threshold", book)
                    .bodyValue(Map.of("threshold", threshold))
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        admin.put()
                .uri("/api/inventory/unknown-book/low-stock-threshold")
                .bodyValue(Map.of("threshold", 1))
                .exchange()
                .expectStatus()
                .isNotFound();
        admin.get()
                .uri("/api/inventory/{bookId}", book)
                .exchange()
                .expectBody()
                .jsonPath("$.lowStockThreshold")
                .isEqualTo(5);
    }

    @Test
    void theLedgerIsPagedNewestFirst() {
        String book = stock.bookWith(1);
        for (int quantity = 1; quantity <= 3; quantity++) {
            admin.post()
                    .uri("/api/inventory/{bookId}/receipts", book)
                    .bodyValue(Map.of("quantity", quantity))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        admin.get()
                .uri("/api/inventory/{bookId}/movements?page=0&size=2", book)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(4)
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(2)
                .jsonPath("$.items[*].version")
                .isEqualTo(List.of(4, 3))
                .jsonPath("$.items[0].onHandChange")
                .isEqualTo(3);
        admin.get()
                .uri("/api/inventory/{bookId}/movements?page=1&size=2", book)
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].kind")
                .isEqualTo(List.of("RECEIPT", "OPENING"));
        for (String paging : List.of("size=101", "size=0", "page=-1", "size=ten")) {
            admin.get()
                    .uri("/api/inventory/{bookId}/movements?" + paging, book)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void customersAreForbiddenAndAnonymousCallersMustSignIn() {
        String book = stock.bookWith(5);
        List<Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>>> requests = List.of(
                client -> client.get().uri("/api/inventory/{bookId}", book),
                client -> client.get().uri("/api/inventory/{bookId}/movements", book),
                client -> client.get().uri("/api/inventory/low-stock"),
                client -> client.get().uri("/api/inventory"),
                client -> client.post()
                        .uri("/api/inventory/{bookId}/receipts", book)
                        .bodyValue(Map.of("quantity", 5)),
                client -> client.post()
                        .uri("/api/inventory/{bookId}/adjustments", book)
                        .bodyValue(Map.of("change", 5, "reason", "FOUND")),
                client -> client.post()
                        .uri("/api/inventory/{bookId}/stocktakes", book)
                        .bodyValue(Map.of("counted", 50)),
                client -> client.put()
                        .uri("/api/inventory/{bookId}/low-stock-threshold", book)
                        .bodyValue(Map.of("threshold", 50)));

        for (var request : requests) {
            request.apply(customer)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/forbidden");
            request.apply(anonymous)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        assertThat(stock.stockRow(book)).containsEntry("on_hand", 5).containsEntry("version", 1L);
    }

    @Test
    void probesAreOpenWithoutAToken() {
        anonymous
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        anonymous
                .get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_PLAIN_VALUE)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void everyStockChangeIsAnnouncedWithAHigherVersion() {
        String book = stock.bookWith(8);
        reserve(book, 1);
        admin.post()
                .uri("/api/inventory/{bookId}/receipts", book)
                .bodyValue(Map.of("quantity", 2))
                .exchange()
                .expectStatus()
                .isCreated();

        assertThat(stock.outboxTypes(book)).containsOnly(CloudEvents.typeOf(StockLevelChanged.class));
        assertThat(stock.outboxPayloads(book))
                .satisfiesExactly(
                        opened -> assertThat(opened).contains("\"available\":8", "\"version\":1"),
                        reserved -> assertThat(reserved).contains("\"available\":7", "\"version\":2"),
                        received -> assertThat(received).contains("\"available\":9", "\"version\":3"));
    }

    /** Every book listed as running low, page by page. */
    private List<String> runningLow() {
        List<String> books = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<?, ?> body = admin.get()
                    .uri("/api/inventory/low-stock?page={page}&size=100", page)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            List<?> items = (List<?>) body.get("items");
            items.forEach(item -> books.add((String) ((Map<?, ?>) item).get("bookId")));
            if (items.size() < 100) {
                return books;
            }
        }
    }

    /** Every item of the stock listing with these extra parameters, page by page. */
    private List<Map<?, ?>> listing(String parameters) {
        List<Map<?, ?>> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<?, ?> body = admin.get()
                    .uri("/api/inventory?page=" + page + "&size=100" + parameters)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            List<?> found = (List<?>) body.get("items");
            found.forEach(item -> items.add((Map<?, ?>) item));
            if (items.size() >= ((Number) body.get("total")).longValue() || found.isEmpty()) {
                return items;
            }
        }
    }

    private int count(String sql) {
        return database.sql(sql)
                .map(row -> row.get(0, Long.class))
                .one()
                .block()
                .intValue();
    }

    @Test
    void theStockAndItsLedgerShowWhatCustomersReturnedToStockAndWhatWasWrittenOff() {
        String book = stock.bookWith(6);
        String orderId = newOrderId();
        String returnId = UUID.randomUUID().toString();
        carryingOut
                .carryOut(List.of(Delivered.untraced(new RestockReturn(
                        UUID.randomUUID(), Instant.now(), orderId, returnId, List.of(new ReturnedCopies(book, 2, 1))))))
                .block();

        admin.get()
                .uri("/api/inventory/{bookId}", book)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.onHand")
                .isEqualTo(8)
                .jsonPath("$.available")
                .isEqualTo(8)
                .jsonPath("$.returnedToStock")
                .isEqualTo(2)
                .jsonPath("$.returnedDamaged")
                .isEqualTo(1);
        admin.get()
                .uri(uri ->
                        uri.path("/api/inventory").queryParam("bookId", book).build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].bookId")
                .isEqualTo(book)
                .jsonPath("$.items[0].returnedToStock")
                .isEqualTo(2)
                .jsonPath("$.items[0].returnedDamaged")
                .isEqualTo(1);
        admin.get()
                .uri("/api/inventory/{bookId}/movements", book)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].kind")
                .isEqualTo(List.of("DAMAGED", "RETURN", "OPENING"))
                .jsonPath("$.items[0].writtenOff")
                .isEqualTo(1)
                .jsonPath("$.items[0].onHandChange")
                .isEqualTo(0)
                .jsonPath("$.items[0].onHand")
                .isEqualTo(8)
                .jsonPath("$.items[0].returnId")
                .isEqualTo(returnId)
                .jsonPath("$.items[0].orderId")
                .isEqualTo(orderId)
                .jsonPath("$.items[1].onHandChange")
                .isEqualTo(2)
                .jsonPath("$.items[1].writtenOff")
                .isEqualTo(0)
                .jsonPath("$.items[1].returnId")
                .isEqualTo(returnId)
                .jsonPath("$.items[2].returnId")
                .doesNotExist();
    }

    private void reserve(String book, int copies) {
        ReserveStock reserve = new ReserveStock(
                UUID.randomUUID(),
                Instant.now(),
                newOrderId(),
                List.of(new OrderLine(book, copies, new Money(4500, "CNY"))));
        carryingOut.carryOut(List.of(Delivered.untraced(reserve))).block();
    }
}
