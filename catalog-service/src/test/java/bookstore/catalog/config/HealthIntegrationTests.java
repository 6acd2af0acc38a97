package bookstore.catalog.config;

import bookstore.catalog.CatalogueIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Probes and scrapers reach the actuator without a token, and the catalogue reports ready on its stores. */
@CatalogueIntegrationTest
class HealthIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void isReadyOnItsDatabaseWithoutAskingTheBroker() {
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka")
                .doesNotExist();
    }

    @Test
    void exposesPrometheusMetrics() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        http.get()
                .uri("/actuator/env")
                .exchange()
                .expectStatus()
                .value(status ->
                        org.assertj.core.api.Assertions.assertThat(status).isIn(401, 403, 404));
    }
}
