package bookstore.platform;

import static bookstore.platform.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import bookstore.platform.fixture.LedgerApplication;
import bookstore.platform.fixture.LedgerEvent;
import bookstore.platform.fixture.SeenTraces;
import bookstore.testsupport.RealKafka;
import bookstore.testsupport.RealPostgres;
import bookstore.testsupport.tracing.OtlpCollector;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One trace id from the HTTP request that changed state, through the outbox, to the consumer; with
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} naming a collector, the spans of both reach it over OTLP/HTTP in
 * that trace, named by the service.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealKafka
@RealPostgres
class TracePropagationIntegrationTests {

    static final OtlpCollector collector = new OtlpCollector();

    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry registry) {
        registry.add("OTEL_EXPORTER_OTLP_ENDPOINT", collector::endpoint);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    SeenTraces seenTraces;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void traceOfTheRequestTravelsWithTheEventToItsConsumerAndReachesTheCollector() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        UUID eventId = UUID.randomUUID();

        http.post()
                .uri("/ledger/acc-{account}/credits/{event}?amount=3", UUID.randomUUID(), eventId)
                .header(CloudEvents.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isAccepted();

        try (var topic = new TopicReader(bootstrapServers, LedgerEvent.TOPIC.name())) {
            await().untilAsserted(() -> assertThat(topic.records().stream()
                            .filter(r -> eventId.toString().equals(header(r, CloudEvents.ID)))
                            .map(r -> header(r, CloudEvents.TRACEPARENT))
                            .findFirst())
                    .hasValueSatisfying(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-")));
        }
        await().untilAsserted(() -> assertThat(seenTraces.traceIdFor(eventId)).hasValue(traceId));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(collector.spansOf(traceId))
                .as("spans of trace %s at the collector", traceId)
                .isGreaterThanOrEqualTo(2));
        assertThat(collector.heardFrom("ledger-fixture")).isTrue();
        assertThat(collector.refused())
                .as("exports that were not binary protobuf")
                .isEmpty();
    }
}
