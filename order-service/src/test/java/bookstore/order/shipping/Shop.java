package bookstore.order.shipping;

import static bookstore.order.Callers.checkout;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.inventory.StockReserved;
import bookstore.events.payment.PaymentSucceeded;
import bookstore.order.SagaTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The order API as the tests of shipping use it: bound to the application context, so callers are
 * given as mock tokens, while carriers reach the service over its real port.
 */
final class Shop {

    private final WebTestClient http;
    private final SagaTraffic traffic;

    Shop(ApplicationContext context, SagaTraffic traffic) {
        this.http = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        this.traffic = traffic;
    }

    WebTestClient http() {
        return http;
    }

    /** A customer's order of one copy of the book, paid and CONFIRMED, as inventory and payment would answer. */
    String confirmedOrder(WebTestClient customer, String bookId) {
        Map<?, ?> order = customer.post()
                .uri("/api/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(bookId, 1))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String orderId = (String) order.get("id");
        traffic.send(Topics.INVENTORY_RESERVATIONS, new StockReserved(UUID.randomUUID(), Instant.now(), orderId));
        await().until(() -> !traffic.published(Topics.PAYMENT_COMMANDS, orderId).isEmpty());
        traffic.send(
                Topics.PAYMENT_EVENTS,
                new PaymentSucceeded(
                        UUID.randomUUID(), Instant.now(), orderId, "pay-" + orderId, new Money(2300, "CNY")));
        awaitStatus(customer, orderId, "CONFIRMED");
        return orderId;
    }

    void ship(WebTestClient admin, String orderId, String company, String trackingNumber) {
        admin.post()
                .uri("/api/orders/{id}/ship", orderId)
                .bodyValue(Map.of("carrier", company, "trackingNumber", trackingNumber))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SHIPPED");
    }

    void awaitStatus(WebTestClient caller, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> caller.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status));
    }

    String status(WebTestClient caller, String orderId) {
        Map<?, ?> order = caller.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) order.get("status");
    }
}
