package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.StubIdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway up before user-service, or user-service gone before the gateway ever fetched its keys: tokens cannot be
 * checked, which is the shop's failure, not the caller's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0"})
class IdentityOutageIntegrationTests {

    static final StubService catalog = StubService.start("catalog");
    static final StubService orders = StubService.start("order");

    // Nothing listens here.
    static final int identityPort = freePort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", () -> "http://localhost:" + identityPort + "/api/auth/jwks");
        registry.add("bookstore.gateway.services.catalog", catalog::url);
        registry.add("bookstore.gateway.services.order", orders::url);
    }

    @LocalServerPort
    int port;

    WebTestClient gateway;

    @BeforeEach
    void connect() {
        catalog.forget();
        orders.forget();
        gateway =
                WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @AfterAll
    static void stopServices() {
        catalog.close();
        orders.close();
    }

    @Test
    void answersATokenThatCannotBeCheckedWithServiceUnavailable() {
        String token = StubIdentityProvider.signedBy(
                StubIdentityProvider.newKey("key-1"),
                StubIdentityProvider.validClaims(UUID.randomUUID(), "CUSTOMER").build());

        gateway.get()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/service-unavailable")
                .jsonPath("$.service")
                .isEqualTo("user-service");

        assertThat(orders.received()).isEmpty();
    }

    @Test
    void stillServesTheCatalogueToAnonymousVisitors() {
        gateway.get().uri("/api/books/42").exchange().expectStatus().isOk();
    }

    @Test
    void stillRefusesARequestWithoutATokenAsUnauthenticated() {
        gateway.get().uri("/api/orders").exchange().expectStatus().isUnauthorized();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the identity service", e);
        }
    }
}
