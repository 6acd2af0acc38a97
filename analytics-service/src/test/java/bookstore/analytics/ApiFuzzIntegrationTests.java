package bookstore.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.RealKafka;
import bookstore.testsupport.StubIdentityProvider;
import bookstore.testsupport.openapi.ApiFuzzContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the analytics service's OpenAPI document, fuzzed over HTTP with malformed and boundary values as
 * nobody, a customer and an admin, with real tokens: no 5xx, and every 4xx the shop's problem.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIntegrationTests {

    private static final StubIdentityProvider identity = StubIdentityProvider.start();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("bookstore.security.jwks-uri", identity::jwksUri);
        registry.add("spring.kafka.streams.application-id", () -> "analytics-fuzz-" + RUN);
        registry.add(
                "spring.kafka.streams.state-dir", () -> System.getProperty("java.io.tmpdir") + "/analytics-" + RUN);
        registry.add("spring.kafka.streams.properties.num.standby.replicas", () -> 0);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        String customer = identity.customerToken();
        String admin = identity.adminToken();

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("analytics-service")
                .callers(
                        http,
                        http.mutate()
                                .defaultHeaders(h -> h.setBearerAuth(customer))
                                .build(),
                        http.mutate()
                                .defaultHeaders(h -> h.setBearerAuth(admin))
                                .build())
                .triesPerOperation(30)
                .run();

        assertThat(fuzzed.operations()).isEqualTo(15);
    }
}
