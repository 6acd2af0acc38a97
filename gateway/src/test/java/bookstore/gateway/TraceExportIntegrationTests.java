package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.testsupport.tracing.OtlpCollector;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code OTEL_EXPORTER_OTLP_ENDPOINT} naming a collector, the gateway's spans of a request
 * (its server span and its call to the service) reach the collector over OTLP/HTTP in the caller's
 * trace.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "management.tracing.sampling.probability=1.0",
            "bookstore.gateway.storefront.location=classpath:/no-storefront/"
        })
class TraceExportIntegrationTests extends EveryServiceStubbed {

    static final OtlpCollector collector = new OtlpCollector();

    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry registry) {
        registry.add("OTEL_EXPORTER_OTLP_ENDPOINT", collector::endpoint);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Test
    void theGatewaysSpansOfARequestReachTheCollectorInTheCallersTrace() {
        String traceId = "5cf92f3577b34da6a3ce929d0e0e4737";

        WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/api/books/42")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(collector.spansOf(traceId))
                .as("the gateway's spans of trace %s at the collector", traceId)
                .isGreaterThanOrEqualTo(2));
        assertThat(collector.heardFrom("gateway")).isTrue();
        assertThat(collector.refused())
                .as("exports that were not binary protobuf")
                .isEmpty();
    }
}
