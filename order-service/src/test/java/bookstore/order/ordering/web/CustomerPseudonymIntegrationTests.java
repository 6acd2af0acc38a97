package bookstore.order.ordering.web;

import static bookstore.order.Callers.admin;
import static bookstore.order.Callers.customer;
import static bookstore.order.Callers.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.order.OrderServiceTest;
import bookstore.order.ordering.application.CustomerPseudonyms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Staff learn the pseudonym a customer's events carry; customers do not, not even their own. */
@OrderServiceTest
class CustomerPseudonymIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    CustomerPseudonyms pseudonyms;

    @Test
    void adminsLearnTheHmacPseudonymTheEventsCarry() {
        String customerId = newCustomerId();

        admin(http)
                .get()
                .uri("/api/orders/customers/{id}/pseudonym", customerId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.customerId")
                .isEqualTo(customerId)
                .jsonPath("$.pseudonym")
                .value(pseudonym -> assertThat((String) pseudonym)
                        .matches("[0-9a-f]{64}")
                        .isEqualTo(pseudonyms.of(customerId))
                        .isNotEqualTo(pseudonyms.of(newCustomerId())));
    }

    @Test
    void customersAndStrangersAreRefused() {
        String customerId = newCustomerId();
        customer(http, customerId)
                .get()
                .uri("/api/orders/customers/{id}/pseudonym", customerId)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/orders/customers/{id}/pseudonym", customerId)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        admin(http)
                .get()
                .uri("/api/orders/customers/{id}/pseudonym", "x".repeat(101))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation");
    }
}
