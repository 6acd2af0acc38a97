package bookstore.order.erasure;

import static bookstore.order.Callers.checkout;
import static bookstore.order.Callers.checkoutFromCart;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static bookstore.order.erasure.ClosedAccountIntegrationTests.accountClosed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Topics;
import bookstore.events.user.AccountClosed;
import bookstore.order.OrderServiceTest;
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
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An access token outlives the account it was issued for by up to 15 minutes. Once AccountClosed has
 * reached order-service, that token can neither place an order nor change the cart (403
 * account-closed, nothing stored), while an order it placed before the event arrived is erased with
 * the rest; other customers go on as before, and a replayed event changes nothing.
 */
@OrderServiceTest
class ClosedAccountTokenIntegrationTests {

    private static final String GROUP = "order-service.closed-accounts";
    private static final String ACCOUNT_CLOSED = "https://bookstore.example/problems/account-closed";

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
    String book;

    @BeforeEach
    void setUp() {
        traffic = new SagaTraffic(bootstrapServers, kafka, codec, Topics.CATALOG_BOOKS, Topics.ORDER_EVENTS);
        book = new TestCatalogue(traffic, database).add("活着", 3500);
    }

    @AfterEach
    void tearDown() {
        traffic.close();
    }

    @Test
    void aClosedAccountsStillValidTokenCanNeitherOrderNorChangeTheCartWhileOthersCan() {
        String closing = newCustomerId();
        WebTestClient token = customer(http, closing);
        String key = UUID.randomUUID().toString();
        // Placed in the gap: the account is already closed in user-service, the event not here yet.
        String placedInTheGap = (String) place(token, key, checkout(book, 1))
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        putInCart(token).expectStatus().isOk();

        AccountClosed event = accountClosed(closing);
        SagaTraffic.Sent closed = traffic.send(Topics.USER_EVENTS, event);
        await().atMost(Duration.ofSeconds(20)).until(() -> traffic.consumed(GROUP, closed));

        token.get()
                .uri("/api/orders/{id}", placedInTheGap)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.customerErased")
                .isEqualTo(true)
                .jsonPath("$.shippingAddress")
                .isEmpty();
        assertThat(closedAt(closing)).isEqualTo(event.occurredAt());

        expectAccountClosed(place(token, UUID.randomUUID().toString(), checkout(book, 2)));
        expectAccountClosed(putInCart(token));
        expectAccountClosed(token.delete().uri("/api/cart/items/{bookId}", book).exchange());
        expectAccountClosed(place(token, UUID.randomUUID().toString(), checkoutFromCart()));
        assertNothingStoredSince(closing, placedInTheGap);
        // The request that placed the order before, retried, still answers with that order.
        place(token, key, checkout(book, 1))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(placedInTheGap);

        WebTestClient other = customer(http, newCustomerId());
        putInCart(other).expectStatus().isOk();
        place(other, UUID.randomUUID().toString(), checkoutFromCart())
                .expectStatus()
                .isAccepted();
        place(other, UUID.randomUUID().toString(), checkout(book, 1))
                .expectStatus()
                .isAccepted();

        SagaTraffic.Sent redelivered = traffic.send(Topics.USER_EVENTS, event);
        SagaTraffic.Sent closedAgain = traffic.send(Topics.USER_EVENTS, accountClosed(closing));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> traffic.consumed(GROUP, redelivered) && traffic.consumed(GROUP, closedAgain));
        assertThat(closedAt(closing)).isEqualTo(event.occurredAt());
        expectAccountClosed(place(token, UUID.randomUUID().toString(), checkout(book, 1)));
        expectAccountClosed(putInCart(token));
        assertNothingStoredSince(closing, placedInTheGap);
    }

    private WebTestClient.ResponseSpec place(WebTestClient caller, String key, Map<String, Object> body) {
        return caller.post()
                .uri("/api/orders")
                .header("Idempotency-Key", key)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec putInCart(WebTestClient caller) {
        return caller.put()
                .uri("/api/cart/items/{bookId}", book)
                .bodyValue(Map.of("quantity", 2))
                .exchange();
    }

    private static void expectAccountClosed(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(ACCOUNT_CLOSED)
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    /** The closed customer holds only the order placed before the event: no other order, no cart. */
    private void assertNothingStoredSince(String customerId, String orderId) {
        assertThat(database.sql("SELECT id::text AS id FROM customer_order WHERE customer_id = :c")
                        .bind("c", customerId)
                        .map(row -> row.get("id", String.class))
                        .all()
                        .collectList()
                        .block())
                .isEqualTo(List.of(orderId));
        for (String table : List.of("cart", "cart_item")) {
            assertThat(database.sql("SELECT count(*) FROM " + table + " WHERE customer_id = :c")
                            .bind("c", customerId)
                            .map(row -> row.get(0, Long.class))
                            .one()
                            .block())
                    .as(table)
                    .isZero();
        }
    }

    private Instant closedAt(String customerId) {
        return database.sql("SELECT closed_at FROM closed_account WHERE customer_id = :c")
                .bind("c", customerId)
                .map(row -> row.get("closed_at", Instant.class))
                .all()
                .single()
                .block();
    }
}
