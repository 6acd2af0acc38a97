package bookstore.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.order.OrderServiceTest;
import bookstore.order.Scrapes;
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
        String scrape = Scrapes.prometheus(http);

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
