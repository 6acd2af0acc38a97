package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.testsupport.StubIdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** How the gateway answers when a service hangs, is down, or keeps failing. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=5s",
            "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=1"
        })
@ExtendWith(OutputCaptureExtension.class)
class ServiceFailureIntegrationTests {

    static final StubService catalog = StubService.start("catalog");
    static final StubService payments = StubService.start("payment");

    static final StubIdentityProvider identity = StubIdentityProvider.start();

    // Nothing listens here until a test brings the order service up.
    static final int orderServicePort = freePort();
    // Nothing ever listens here.
    static final int inventoryServicePort = freePort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", identity::jwksUri);
        registry.add("bookstore.gateway.services.catalog", catalog::url);
        registry.add("bookstore.gateway.services.order", () -> "http://localhost:" + orderServicePort);
        registry.add("bookstore.gateway.services.inventory", () -> "http://localhost:" + inventoryServicePort);
        registry.add("bookstore.gateway.services.payment", payments::url);
    }

    @LocalServerPort
    int port;

    WebTestClient gateway;

    @BeforeEach
    void connect() {
        catalog.forget();
        payments.forget();
        gateway = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + identity.customerToken())
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterAll
    static void stopServices() {
        catalog.close();
        payments.close();
        identity.close();
    }

    @Test
    void answersAHangingServiceWithAGatewayTimeoutProblemOnceTheResponseTimeoutPasses() {
        // Warm the route and the problem rendering, so the measurement below is the timeout and not class loading.
        gateway.get().uri("/api/books/42").exchange().expectStatus().isOk();
        gateway.get().uri("/api/unknown").exchange().expectStatus().isNotFound();
        catalog.forget();

        gateway.get()
                .uri("/api/books/42/hang")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/gateway-timeout")
                .jsonPath("$.status")
                .isEqualTo(504)
                .jsonPath("$.service")
                .isEqualTo("catalog-service")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("catalog-service"));

        long answered = System.nanoTime();

        assertThat(catalog.received()).singleElement().satisfies(call -> {
            Duration waitedForTheService = Duration.ofNanos(answered - call.receivedAtNanos());
            // The test's 1 s, not the 10 s default; the upper bound leaves room for a busy build machine.
            assertThat(waitedForTheService).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        });
    }

    @Test
    void opensTheCircuitForAServiceThatIsDownAndClosesItOnceTheServiceIsBack() {
        for (int call = 0; call < 4; call++) {
            expectServiceUnavailable("/api/orders/7")
                    .jsonPath("$.detail")
                    .isEqualTo("order-service cannot be reached right now.");
        }

        try (StubService orders = StubService.startOn("order", orderServicePort)) {
            // Up again, but the open circuit keeps callers away from it until the open state's wait is over.
            for (int call = 0; call < 3; call++) {
                expectServiceUnavailable("/api/orders/7")
                        .jsonPath("$.detail")
                        .isEqualTo("order-service is failing; calls to it are paused for a moment to let it recover.");
            }
            assertThat(orders.received()).isEmpty();

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> gateway.get()
                            .uri("/api/orders/7")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .is2xxSuccessful());
            assertThat(orders.received())
                    .extracting(StubService.ReceivedRequest::uri)
                    .contains("/api/orders/7");
        }
    }

    @Test
    void logsAFailedCallWithTheTraceIdOfTheRequest(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        gateway.get()
                .uri("/api/inventory/42")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(output.getOut().lines().filter(line -> line.contains("Cannot connect to inventory-service")))
                .singleElement()
                .asString()
                .contains(traceId);
    }

    @Test
    void doesNotRetryACallThatReachedTheService() {
        gateway.post()
                .uri("/api/payments/webhooks/sandbox/drop")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"evt_1\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/bad-gateway")
                .jsonPath("$.service")
                .isEqualTo("payment-service");
        gateway.get().uri("/api/payments/drop").exchange().expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);

        assertThat(payments.received()).hasSize(2);
    }

    private WebTestClient.BodyContentSpec expectServiceUnavailable(String path) {
        return gateway.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/service-unavailable")
                .jsonPath("$.title")
                .isEqualTo("Service Unavailable")
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.service")
                .isEqualTo("order-service")
                .jsonPath("$.trace")
                .doesNotExist();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the order service", e);
        }
    }
}
