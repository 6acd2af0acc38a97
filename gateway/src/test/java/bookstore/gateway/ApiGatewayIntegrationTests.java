package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.gateway.StubService.ReceivedRequest;
import bookstore.testsupport.StubIdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "management.tracing.sampling.probability=1.0",
            // No storefront here, whatever is on the test classpath: a gateway without one (StorefrontIntegrationTests
            // has one of its own).
            "bookstore.gateway.storefront.location=classpath:/no-storefront/"
        })
class ApiGatewayIntegrationTests extends EveryServiceStubbed {

    static final StubIdentityProvider identity = StubIdentityProvider.start();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", identity::jwksUri);
    }

    @LocalManagementPort
    int managementPort;

    WebTestClient gateway;

    @BeforeEach
    void connect() {
        // An administrator's token opens every route; what tokens do to routing is EdgeSecurityIntegrationTests' part.
        gateway = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                .build();
    }

    @AfterAll
    static void stopIdentityProvider() {
        identity.close();
    }

    URI gatewayUri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    @Nested
    class Routing {

        static Stream<Arguments> apiPaths() {
            return Stream.of(
                    Arguments.of("/api/books", catalog),
                    Arguments.of("/api/books?q=%E9%B2%81%E8%BF%85&author=Lu+Xun&minPrice=1000&page=0&size=20", catalog),
                    Arguments.of("/api/books/978-7-02-000220-7", catalog),
                    Arguments.of("/api/users/me", users),
                    Arguments.of("/api/auth/token", users),
                    Arguments.of("/api/orders?page=1&size=5", orders),
                    Arguments.of("/api/orders/0b9c2f5e-1d3a-4c1e-9f6a-2b7f0c3d4e5f", orders),
                    Arguments.of("/api/cart/items/42", orders),
                    Arguments.of("/api/inventory/42", inventory),
                    Arguments.of("/api/payments/webhooks/sandbox", payments),
                    Arguments.of("/api/shipping/callbacks/kuaidi100", orders),
                    Arguments.of("/api/notifications?status=FAILED&page=0", notifications),
                    Arguments.of("/api/notifications/0b9c2f5e-1d3a-4c1e-9f6a-2b7f0c3d4e5f", notifications),
                    Arguments.of("/api/dead-letters/catalog-service?page=0", catalog),
                    Arguments.of("/api/dead-letters/order-service/orders.events.v1.dlt/0/7", orders),
                    Arguments.of("/api/dead-letters/inventory-service?topic=inventory.commands.v1", inventory),
                    Arguments.of("/api/dead-letters/payment-service", payments),
                    Arguments.of("/api/dead-letters/notification-service", notifications));
        }

        // The stubs are AutoCloseable: JUnit would close each one after the invocation that received it.
        @ParameterizedTest(autoCloseArguments = false)
        @MethodSource("apiPaths")
        void sendsEachApiPathToTheServiceThatOwnsItWithPathAndQueryIntact(String pathAndQuery, StubService owner) {
            gateway.get()
                    .uri(gatewayUri(pathAndQuery))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo(owner.name());

            assertThat(owner.received()).extracting(ReceivedRequest::uri).containsExactly(pathAndQuery);
            assertThat(allReceived()).hasSize(1);
        }

        @Test
        void forwardsMethodAndBodyUnchanged() {
            gateway.post()
                    .uri("/api/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"reader@example.com\",\"password\":\"s3cret-pass\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(users.received()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.body()).isEqualTo("{\"email\":\"reader@example.com\",\"password\":\"s3cret-pass\"}");
            });
        }

        @Test
        void tellsTheServiceWhereTheRequestCameFrom() {
            gateway.get().uri("/api/books/42").exchange().expectStatus().isOk();

            var headers = catalog.received().getFirst().headers();
            assertThat(headers.getFirst("X-Forwarded-For")).contains("127.0.0.1");
            assertThat(headers.getFirst("X-Forwarded-Proto")).isEqualTo("http");
            assertThat(headers.getFirst("X-Forwarded-Host")).isEqualTo("localhost:" + port);
            assertThat(headers.getFirst("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        }

        @Test
        void givesARequestWithoutIdANewOneAndHandsItToServiceAndCaller() {
            var response = gateway.get()
                    .uri("/api/books/42")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class);

            String requestId = response.getResponseHeaders().getFirst("X-Request-Id");
            assertThat(requestId).isNotBlank();
            assertThat(catalog.received().getFirst().headers().get("X-Request-Id"))
                    .containsExactly(requestId);
        }

        @Test
        void keepsTheCallersRequestId() {
            gateway.get()
                    .uri("/api/books/42")
                    .header("X-Request-Id", "checkout-7f3a")
                    .exchange()
                    .expectHeader()
                    .valueEquals("X-Request-Id", "checkout-7f3a");

            assertThat(catalog.received().getFirst().headers().getFirst("X-Request-Id"))
                    .isEqualTo("checkout-7f3a");
        }

        @Test
        void replacesARequestIdThatCouldForgeLogLines() {
            String forged = "abc\tlevel=ERROR user=admin";

            gateway.get()
                    .uri("/api/books/42")
                    .header("X-Request-Id", forged)
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(catalog.received().getFirst().headers().getFirst("X-Request-Id"))
                    .isNotEqualTo(forged)
                    .matches("[0-9a-f-]{36}");
        }

        @Test
        void continuesTheCallersTraceWhenCallingTheService() {
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            String callerSpanId = "00f067aa0ba902b7";

            gateway.get()
                    .uri("/api/books/42")
                    .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .exchange()
                    .expectStatus()
                    .isOk();

            String traceparent = catalog.received().getFirst().headers().getFirst("traceparent");
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            assertThat(traceparent).doesNotContain(callerSpanId);
        }

        @Test
        void startsATraceForACallerThatSentNone() {
            gateway.get().uri("/api/books/42").exchange().expectStatus().isOk();

            assertThat(catalog.received().getFirst().headers().getFirst("traceparent"))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }

        @Test
        void passesAServicesProblemDetailThroughUntouched() {
            gateway.get()
                    .uri("/api/inventory/42/problem")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class)
                    .isEqualTo(StubService.PROBLEM_BODY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/api", "/api/unknown", "/api/bookshelf", "/books/42"})
        void answersPathsWithoutARouteWithANotFoundProblem(String path) {
            gateway.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/not-found")
                    .jsonPath("$.status")
                    .isEqualTo(404)
                    .jsonPath("$.title")
                    .isEqualTo("Not Found");

            assertThat(allReceived()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/books/42", "/assets/index-3f2a1b9c.js", "/index.html"})
        void answersEvenABrowserWithANotFoundProblemWhenNoStorefrontIsInstalled(String path) {
            gateway.get()
                    .uri(path)
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/not-found");
        }
    }

    @Nested
    class EdgeProtection {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/actuator",
                    "/actuator/health",
                    "/actuator/prometheus",
                    "/actuator/env",
                    "/api/books/../actuator/health",
                    "/api/books/../../actuator/health",
                    "/api/orders/./../../actuator/env",
                    "/api/books/%2e%2e/actuator/health",
                    "/api/books/%2E%2E/%2E%2E/actuator/health",
                    "/api/books/..%2Factuator%2Fhealth",
                    "/api/books%2F..%2F..%2Factuator%2Fhealth",
                    "/api/books/%252e%252e/%252e%252e/actuator/health",
                    "/api/books/..;/..;/actuator/health",
                    "/api/books/..%3B/actuator/health",
                    "/api/books/..%5C..%5Cactuator%5Chealth",
                    "//actuator/health",
                    "/api/books//../../actuator/health"
                })
        void neverLetsAnActuatorPathThroughToAService(String rawTarget) throws IOException {
            RawHttp.Response response = RawHttp.get(port, rawTarget);

            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.body()).doesNotContain("UP").doesNotContain("jvm_");
            assertThat(allReceived()).isEmpty();
        }

        @Test
        void rejectsAnEncodedTraversalWithAProblemThatDoesNotEchoIt() throws IOException {
            RawHttp.Response response = RawHttp.get(port, "/api/books/%2e%2e/actuator/health");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body())
                    .contains("\"type\":\"https://bookstore.example/problems/request-rejected\"")
                    .doesNotContain("%2e")
                    .doesNotContain("actuator");
        }
    }

    @Nested
    class Management {

        WebTestClient management() {
            return WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build();
        }

        @Test
        void reportsReadinessAndLivenessOnTheManagementPort() {
            management()
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
            management()
                    .get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }

        @Test
        void servesPrometheusMetricsIncludingTheCircuitBreakersOnTheManagementPort() {
            gateway.get().uri("/api/books/42").exchange().expectStatus().isOk();

            management()
                    .get()
                    .uri("/actuator/prometheus")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(metrics -> assertThat(metrics)
                            .contains("resilience4j_circuitbreaker_state{")
                            .contains("name=\"catalog-service\"")
                            .contains("http_server_requests_seconds_count{")
                            .contains("spring_cloud_gateway_requests_seconds_count{")
                            .contains("routeId=\"catalog-service\""));
        }

        @Test
        void exposesNothingSensitiveOnTheManagementPort() {
            management().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
            management()
                    .get()
                    .uri("/actuator/gateway/routes")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            management()
                    .get()
                    .uri("/actuator/heapdump")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }
}
