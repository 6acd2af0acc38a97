package bookstore.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.CloudEvents;
import bookstore.events.Topics;
import bookstore.user.TopicReader;
import bookstore.user.UserServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@UserServiceIntegrationTest
class RegistrationIntegrationTests {

    static final String PASSWORD = "a long and rare passphrase";

    @Autowired
    WebTestClient http;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void registeringCreatesACustomerWithoutRevealingThePasswordHash() {
        String email = "Reader-" + UUID.randomUUID() + "@Example.com";

        register(email, PASSWORD, "Ann Reader")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/users/me")
                .expectBody()
                .jsonPath("$.id")
                .isNotEmpty()
                .jsonPath("$.email")
                .isEqualTo(email.toLowerCase())
                .jsonPath("$.displayName")
                .isEqualTo("Ann Reader")
                .jsonPath("$.roles[0]")
                .isEqualTo("CUSTOMER")
                .jsonPath("$.passwordHash")
                .doesNotExist()
                .jsonPath("$.password")
                .doesNotExist();
    }

    @Test
    void anEmailAddressIsRegisteredOnceWhateverItsCase() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        register(email, PASSWORD, "First").expectStatus().isCreated();

        register(email.toUpperCase(), PASSWORD, "Second")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/email-taken");
    }

    @Test
    void weakPasswordsAreRefusedWithEveryReason() {
        String email = "weak-" + UUID.randomUUID() + "@example.com";

        register(email, "short", "Weak")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/weak-password")
                .jsonPath("$.violations[0]")
                .isEqualTo("must have at least 10 characters");
        register(email, email.toUpperCase(), "Weak")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0]")
                .isEqualTo("must not be the email address");
        register(email, "Password123", "Weak")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0]")
                .isEqualTo("is one of the most common passwords");
        register(email, PASSWORD, "Strong").expectStatus().isCreated();
    }

    @Test
    void aClientCannotChooseItsOwnRoleOrId() {
        http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "email",
                        "sneaky-" + UUID.randomUUID() + "@example.com",
                        "password",
                        PASSWORD,
                        "displayName",
                        "Sneaky",
                        "roles",
                        new String[] {"ADMIN"}))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown field 'roles'.");
    }

    @Test
    void invalidInputIsAValidationProblem() {
        register("not-an-email", PASSWORD, "")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).contains("displayName", "email"));
    }

    @Test
    void registrationIsAnnouncedWithTheUserIdAndNoPersonalData() {
        String email = "announced-" + UUID.randomUUID() + "@example.com";
        try (TopicReader topic = new TopicReader(kafka, Topics.USER_EVENTS.name())) {
            String id = register(email, PASSWORD, "Announced")
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id")
                    .toString();

            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> topic.records().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();

            assertThat(TopicReader.header(record, CloudEvents.TYPE)).isEqualTo("bookstore.user.UserRegistered");
            assertThat(TopicReader.header(record, CloudEvents.SOURCE)).isEqualTo("/bookstore/user-service");
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            JsonNode event = JsonMapper.shared().readTree(payload);
            assertThat(event.get("userId").asString()).isEqualTo(id);
            assertThat(event.propertyNames())
                    .containsExactlyInAnyOrder("eventId", "occurredAt", "userId", "schemaVersion");
            assertThat(payload).doesNotContain(email, "Announced", "argon");
        }
    }

    private WebTestClient.ResponseSpec register(String email, String password, String displayName) {
        return http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "displayName", displayName))
                .exchange();
    }
}
