package bookstore.platform;

import bookstore.platform.fixture.LedgerApplication;
import bookstore.testsupport.RealPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Readiness follows what a pod needs to answer its own requests: its database, not the broker,
 * whose events wait in the outbox meanwhile. Nothing listens on port 1 of the loopback interface.
 */
class ReadinessIntegrationTests {

    private static final String NOTHING_LISTENS = "127.0.0.1:1";

    @Nested
    @SpringBootTest(
            classes = LedgerApplication.class,
            properties = {
                "spring.kafka.bootstrap-servers=" + NOTHING_LISTENS,
                // Creating the topics would wait out the admin client's timeout on the missing broker.
                "spring.kafka.admin.auto-create=false"
            })
    @AutoConfigureWebTestClient(timeout = "30s")
    @RealPostgres
    class WithoutTheBroker {

        @Autowired
        WebTestClient http;

        @Test
        void isReadyWhileKafkaIsUnreachable() {
            http.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.r2dbc.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.kafka")
                    .doesNotExist();
        }

        @Test
        void stillShowsTheBrokerDownInTheWholeHealth() {
            http.get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.kafka.status")
                    .isEqualTo("DOWN")
                    .jsonPath("$.components.r2dbc.status")
                    .isEqualTo("UP");
        }

        @Test
        void staysLive() {
            http.get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    @SpringBootTest(
            classes = LedgerApplication.class,
            properties = {
                "spring.kafka.bootstrap-servers=" + NOTHING_LISTENS,
                "spring.kafka.admin.auto-create=false",
                "spring.r2dbc.url=r2dbc:postgresql://" + NOTHING_LISTENS + "/ledger",
                "spring.flyway.enabled=false"
            })
    @AutoConfigureWebTestClient(timeout = "30s")
    class WithoutTheDatabase {

        @Autowired
        WebTestClient http;

        @Test
        void isNotReadyWhileItsDatabaseIsUnreachable() {
            http.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DOWN")
                    .jsonPath("$.components.r2dbc.status")
                    .isEqualTo("DOWN");
        }

        @Test
        void staysLive() {
            http.get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }
}
