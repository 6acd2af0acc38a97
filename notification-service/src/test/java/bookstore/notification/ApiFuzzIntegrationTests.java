package bookstore.notification;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.openapi.ApiFuzzContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the notification service's OpenAPI document, fuzzed with malformed and boundary values as
 * nobody, a customer and an admin: no 5xx, and every 4xx the shop's problem. A failed mail stands behind the id a
 * retry names, so the damage meets the handler, not just a 404.
 */
@NotificationServiceTest
class ApiFuzzIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        String email = AccountMails.address();
        long failed = FailedMails.recordedFor(database, email);

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("notification-service")
                .callersWithMockedTokens(http)
                .knowing("id", failed)
                .knowing("recipient", email)
                .triesPerOperation(100)
                .run();

        assertThat(fuzzed.operations())
                .as("the 2 of notifications and the 3 of dead letters")
                .isEqualTo(5);
    }
}
