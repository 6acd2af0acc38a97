package bookstore.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.order.OrderServiceTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What Prometheus reads from order-service: the names docs/metrics.md gives, and an outbox backlog read
 * from the database during the scrape itself (a number, not the NaN of a reading that could not be made).
 */
@OrderServiceTest
class MetricsScrapeIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void aScrapeShowsTheShopsMetricsUnderTheirDocumentedNames() {
        // The scrape grows with every series the tests sharing this context have made (each HTTP
        // route and status, histograms' buckets), past the client's default 256 KiB.
        String scrape = http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .containsPattern(Pattern.compile("(?m)^bookstore_outbox_backlog\\{[^}]*} [0-9.]+$"))
                .containsPattern(Pattern.compile("(?m)^bookstore_outbox_oldest_age_seconds\\{[^}]*} [0-9.]+$"))
                .containsPattern(Pattern.compile(
                        "(?m)^bookstore_messaging_dead_letters_total\\{[^}]*topic=\"payments\\.events\\.v1\"[^}]*} "))
                .containsPattern(Pattern.compile("(?m)^bookstore_orders_placed_total\\{"))
                .containsPattern(
                        Pattern.compile(
                                "(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"[^\"]*order-service\\.saga-payment"));
    }
}
