package bookstore.catalog.review.web;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import bookstore.catalog.UpstreamEvents;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderLine;
import bookstore.platform.privacy.CustomerPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Readers of the review API as tests use them, and order-service's deliveries (produced to Kafka as order-service
 * will) that make them verified buyers.
 */
final class ReviewApi implements AutoCloseable {

    static final String GROUP = "catalog-service.verified-buyers";

    private final WebTestClient http;
    private final CustomerPseudonym pseudonym;
    private final UpstreamEvents orders;

    ReviewApi(WebTestClient http, CustomerPseudonym pseudonym, String bootstrapServers) {
        this.http = http;
        this.pseudonym = pseudonym;
        this.orders = new UpstreamEvents(bootstrapServers);
    }

    UpstreamEvents orders() {
        return orders;
    }

    @Override
    public void close() {
        orders.close();
    }

    /** A customer with an account id of their own, signed in. */
    Customer customer() {
        UUID id = UUID.randomUUID();
        return new Customer(
                id,
                http.mutateWith(mockJwt()
                        .jwt(jwt -> jwt.subject(id.toString()))
                        .authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
    }

    WebTestClient admin() {
        return http.mutateWith(mockJwt()
                .jwt(jwt -> jwt.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
    }

    WebTestClient anonymous() {
        return http;
    }

    /** Order-service's fact that an order of this customer with these books reached them. */
    OrderDelivered delivered(Customer customer, String... bookIds) {
        return new OrderDelivered(
                UUID.randomUUID(),
                Instant.now(),
                "order-" + UUID.randomUUID(),
                pseudonym.of(customer.id().toString()),
                List.of(bookIds).stream()
                        .map(book -> new OrderLine(book, 1, new Money(2_300, "CNY")))
                        .toList());
    }

    /** Sends the delivery of an order of these books to the customer, and returns the record sent. */
    RecordMetadata deliver(Customer customer, String... bookIds) throws Exception {
        return orders.send(Topics.ORDER_EVENTS, delivered(customer, bookIds));
    }

    /** Waits until the catalogue has taken in every delivery up to and including this one. */
    void awaitHandled(RecordMetadata delivery) {
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.handled(GROUP, delivery));
    }

    /** Makes the customer a verified buyer of the books and waits until the catalogue knows. */
    Customer verified(Customer customer, String... bookIds) throws Exception {
        awaitHandled(deliver(customer, bookIds));
        return customer;
    }

    static Map<String, Object> review(Object rating, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        body.put("text", text);
        return body;
    }

    /** Writes a review and returns it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> write(Customer customer, String bookId, int rating, String text) {
        return customer.http()
                .post()
                .uri("/api/books/{id}/reviews", bookId)
                .bodyValue(review(rating, text))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> list(WebTestClient who, String bookId, String query) {
        return who.get()
                .uri("/api/books/" + bookId + "/reviews" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static List<Object> ids(Map<String, Object> page) {
        return items(page).stream().map(item -> item.get("id")).toList();
    }

    record Customer(UUID id, WebTestClient http) {}
}
