package bookstore.order.ordering.web;

import static bookstore.order.Callers.admin;
import static bookstore.order.Callers.checkout;
import static bookstore.order.Callers.checkoutFromCart;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Topics;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.ReserveStock;
import bookstore.order.Callers;
import bookstore.order.OrderServiceTest;
import bookstore.order.SagaTraffic;
import bookstore.order.TestCatalogue;
import bookstore.platform.messaging.EventCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Checkout and order queries over HTTP: idempotency, pricing, validation and who sees what. */
@OrderServiceTest
class CheckoutIntegrationTests {

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
    TestCatalogue catalogue;
    String customerId;
    WebTestClient customer;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(
                bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS, Topics.INVENTORY_COMMANDS, Topics.ORDER_EVENTS);
        catalogue = new TestCatalogue(traffic, database);
        customerId = newCustomerId();
        customer = customer(http, customerId);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void checkoutPricesLinesFromTheCatalogueAndAnswers202WithThePendingOrder() {
        String threeBody = catalogue.add("三体", 2300);
        String darkForest = catalogue.add("黑暗森林", 3200);

        Map<?, ?> order = place(UUID.randomUUID().toString(), checkout(threeBody, 2, darkForest, 1))
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueMatches("Location", "/api/orders/[0-9a-f-]{36}")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(order.get("status")).isEqualTo("PENDING");
        assertThat(order.get("total")).isEqualTo(Map.of("amount", 2 * 2300 + 3200, "currency", "CNY"));
        assertThat((List<?>) order.get("items")).hasSize(2);
        assertThat((List<?>) order.get("statusHistory")).hasSize(1);
        assertThat(order.get("failureReason")).isNull();
        String orderId = (String) order.get("id");

        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].title")
                .isEqualTo("三体")
                .jsonPath("$.items[0].unitPrice.amount")
                .isEqualTo(2300)
                .jsonPath("$.items[0].lineTotal.amount")
                .isEqualTo(4600)
                .jsonPath("$.statusHistory[0].status")
                .isEqualTo("PENDING")
                .jsonPath("$.statusHistory[0].at")
                .isNotEmpty();
        await().untilAsserted(() -> {
            assertThat(traffic.published(Topics.INVENTORY_COMMANDS, orderId, ReserveStock.class))
                    .singleElement()
                    .satisfies(reserve -> assertThat(reserve.lines()).hasSize(2));
            assertThat(traffic.published(Topics.ORDER_EVENTS, orderId, OrderPlaced.class))
                    .singleElement()
                    .satisfies(placed -> {
                        assertThat(placed.total().amount()).isEqualTo(7800);
                        assertThat(placed.customer()).hasSize(64).isNotEqualTo(customerId);
                    });
        });
    }

    @Test
    void theSameIdempotencyKeyTwiceMakesOneOrder() {
        String book = catalogue.add("球状闪电", 2800);
        String key = UUID.randomUUID().toString();

        String first = placedId(place(key, checkout(book, 1)).expectStatus().isAccepted());
        String second = placedId(place(key, checkout(book, 1)).expectStatus().isOk());

        assertThat(second).isEqualTo(first);
        assertThat(countOrders(customerId)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyPlaceOneOrder() throws Exception {
        String book = catalogue.add("超新星纪元", 2500);
        String key = UUID.randomUUID().toString();
        int attempts = 8;

        List<Answer> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(attempts)) {
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                sent.add(clients.submit(() -> {
                    var result =
                            place(key, checkout(book, 1)).expectBody(Map.class).returnResult();
                    return new Answer(result.getStatus().value(), (String)
                            result.getResponseBody().get("id"));
                }));
            }
            for (var answer : sent) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(Answer::status).containsOnlyOnce(202);
        assertThat(answers).extracting(Answer::status).containsOnly(200, 202);
        assertThat(answers)
                .extracting(Answer::orderId)
                .containsOnly(answers.getFirst().orderId());
        assertThat(countOrders(customerId)).isEqualTo(1);
    }

    private record Answer(int status, String orderId) {}

    @Test
    void aRetriedCheckoutFromTheCartReturnsTheOrderItPlacedThoughTheCartIsEmptyNow() {
        String book = catalogue.add("镜子", 1100);
        putInCart(book, 3);
        String key = UUID.randomUUID().toString();

        String first = placedId(place(key, checkoutFromCart()).expectStatus().isAccepted());
        String retried = placedId(place(key, checkoutFromCart()).expectStatus().isOk());

        assertThat(retried).isEqualTo(first);
        assertThat(countOrders(customerId)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherRequestIsRefused() {
        String book = catalogue.add("流浪地球", 1800);
        String key = UUID.randomUUID().toString();
        place(key, checkout(book, 1)).expectStatus().isAccepted();

        place(key, checkout(book, 2))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/idempotency-key-reused");
        assertThat(countOrders(customerId)).isEqualTo(1);
    }

    @Test
    void anotherCustomersIdempotencyKeyIsTheirOwn() {
        String book = catalogue.add("三体 II", 3200);
        String key = UUID.randomUUID().toString();
        String mine = placedId(place(key, checkout(book, 1)).expectStatus().isAccepted());

        String theirs = placedId(customer(http, newCustomerId())
                .post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .bodyValue(checkout(book, 1))
                .exchange()
                .expectStatus()
                .isAccepted());

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void checkoutFromTheCartOrdersItsContentsAndEmptiesIt() {
        String first = catalogue.add("朝闻道", 1500);
        String second = catalogue.add("诗云", 1200);
        putInCart(first, 2);
        putInCart(second, 1);

        place(UUID.randomUUID().toString(), checkoutFromCart())
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.total.amount")
                .isEqualTo(2 * 1500 + 1200);

        customer.get()
                .uri("/api/cart")
                .exchange()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty();
        place(UUID.randomUUID().toString(), checkoutFromCart())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/empty-cart");
    }

    @Test
    void unknownOrDiscontinuedBooksCannotBeOrderedAndNothingIsPlaced() {
        String sold = catalogue.add("赡养人类", 1300);
        String discontinued = catalogue.add("镜子", 1100);
        catalogue.discontinue(discontinued);

        place(UUID.randomUUID().toString(), checkout(sold, 1, "book-nobody-knows", 1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.bookId")
                .isEqualTo("book-nobody-knows");
        place(UUID.randomUUID().toString(), checkout(discontinued, 1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/book-not-orderable");

        assertThat(countOrders(customerId)).isZero();
    }

    @Test
    void theOrderKeepsTheRecipientsPhoneAndNamesItsCustomer() {
        String book = catalogue.add("球状闪电", 2800);
        var withPhone = new HashMap<>(checkout(book, 1));
        var address = new HashMap<>(Callers.address());
        address.put("phone", "+86 138 0013 8000");
        withPhone.put("shippingAddress", address);

        String orderId = (String) place(UUID.randomUUID().toString(), withPhone)
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");

        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.shippingAddress.phone")
                .isEqualTo("+86 138 0013 8000")
                .jsonPath("$.shippingAddress.recipient")
                .isEqualTo("韩梅梅")
                .jsonPath("$.customerId")
                .isEqualTo(customerId);
    }

    @Test
    void badInputIsA400ProblemAndChangesNothing() {
        String book = catalogue.add("吞食者", 1400);
        String key = UUID.randomUUID().toString();

        customer.post()
                .uri("/api/orders")
                .bodyValue(checkout(book, 1))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        place(key, checkout(book, 0))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("items[0].quantity");
        place(key, checkout(book, 11)).expectStatus().isBadRequest();
        place(key, checkout(book, 1, book, 2))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/invalid-order");
        var bothItemsAndCart = new HashMap<>(checkout(book, 1));
        bothItemsAndCart.put("fromCart", true);
        place(key, bothItemsAndCart).expectStatus().isBadRequest();
        var clientPrice = new HashMap<>(checkout(book, 1));
        clientPrice.put("total", Map.of("amount", 1, "currency", "CNY"));
        place(key, clientPrice).expectStatus().isBadRequest();
        var noAddress = new HashMap<>(checkout(book, 1));
        noAddress.remove("shippingAddress");
        place(key, noAddress)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("shippingAddress");
        var badPaymentMethod = new HashMap<>(checkout(book, 1));
        badPaymentMethod.put("paymentMethod", "4242 4242 4242 4242");
        place(key, badPaymentMethod).expectStatus().isBadRequest();
        var badPhone = new HashMap<>(checkout(book, 1));
        var addressWithBadPhone = new HashMap<>(Callers.address());
        addressWithBadPhone.put("phone", "call me maybe");
        badPhone.put("shippingAddress", addressWithBadPhone);
        place(key, badPhone)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("shippingAddress.phone");
        place("key with spaces", checkout(book, 1)).expectStatus().isBadRequest();

        assertThat(countOrders(customerId)).isZero();
        // The key was never used by a request that got through, so it still places an order.
        place(key, checkout(book, 1)).expectStatus().isAccepted();
    }

    @Test
    void anotherCustomersOrderIsNotFoundButAnAdminSeesIt() {
        String book = catalogue.add("微纪元", 1600);
        String orderId = placedId(place(UUID.randomUUID().toString(), checkout(book, 1))
                .expectStatus()
                .isAccepted());
        WebTestClient stranger = customer(http, newCustomerId());

        stranger.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/order-not-found");
        stranger.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .exchange()
                .expectStatus()
                .isNotFound();
        stranger.get()
                .uri("/api/orders")
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
        customer.get()
                .uri("/api/orders/{id}", "not-an-order-id")
                .exchange()
                .expectStatus()
                .isNotFound();

        admin(http)
                .get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk();
        customer.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING");
    }

    @Test
    void customersPageThroughTheirOwnOrdersNewestFirstAndAdminsFilterEveryonesByStatus() {
        String book = catalogue.add("时间移民", 1700);
        String oldest = placedId(place(UUID.randomUUID().toString(), checkout(book, 1))
                .expectStatus()
                .isAccepted());
        placedId(place(UUID.randomUUID().toString(), checkout(book, 2))
                .expectStatus()
                .isAccepted());
        String newest = placedId(place(UUID.randomUUID().toString(), checkout(book, 3))
                .expectStatus()
                .isAccepted());

        customer.get()
                .uri("/api/orders?page=0&size=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(3)
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(2)
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].id")
                .isEqualTo(newest);
        customer.get()
                .uri("/api/orders?page=1&size=2")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(oldest);
        customer.get().uri("/api/orders?size=101").exchange().expectStatus().isBadRequest();
        customer.get().uri("/api/orders?status=LOST").exchange().expectStatus().isBadRequest();

        Map<?, ?> pending = admin(http)
                .get()
                .uri("/api/orders?status=PENDING&size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<Map<String, Object>>) pending.get("items"))
                .extracting(o -> o.get("status"))
                .containsOnly("PENDING");
        assertThat(((Number) pending.get("total")).longValue()).isGreaterThanOrEqualTo(3);
        admin(http)
                .get()
                .uri("/api/orders?status=DELIVERED")
                .exchange()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + newest + "')]")
                .doesNotExist();
    }

    @Test
    void onlySignedInCallersUseOrdersAndOnlyAdminsShipThem() {
        http.get().uri("/api/orders").exchange().expectStatus().isUnauthorized();
        customer.post()
                .uri("/api/orders/{id}/ship", UUID.randomUUID())
                .bodyValue(Map.of("carrier", "SF", "trackingNumber", "1"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        customer.post()
                .uri("/api/orders/{id}/deliver", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient.ResponseSpec place(String idempotencyKey, Map<String, Object> body) {
        return customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(body)
                .exchange();
    }

    private void putInCart(String bookId, int quantity) {
        customer.put()
                .uri("/api/cart/items/{bookId}", bookId)
                .bodyValue(Map.of("quantity", quantity))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static String placedId(WebTestClient.ResponseSpec response) {
        return (String)
                response.expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private long countOrders(String customerId) {
        return database.sql("SELECT count(*) FROM customer_order WHERE customer_id = :customer")
                .bind("customer", customerId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
