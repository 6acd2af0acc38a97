package bookstore.user.account;

import static bookstore.user.ShopClient.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.events.Topics;
import bookstore.user.MutableClock;
import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Registered;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.TopicReader;
import bookstore.user.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Verifying addresses by mailed links, changing the address that way, and the contact published. */
@UserServiceIntegrationTest
class EmailVerificationIntegrationTests {

    static final String PROBLEMS = "https://bookstore.example/problems/";

    @Autowired
    WebTestClient http;

    @Autowired
    MutableClock clock;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    ShopClient shop;
    TopicReader mail;
    TopicReader contacts;

    @BeforeEach
    void readTheTopics() {
        shop = new ShopClient(http);
        mail = new TopicReader(kafka, Topics.ACCOUNT_MAIL.name());
        contacts = new TopicReader(kafka, Topics.USER_CONTACTS.name());
    }

    @AfterEach
    void closeTheTopics() {
        mail.close();
        contacts.close();
    }

    @Test
    void registrationPublishesTheContactAndMailsAWelcomeThatVerifiesTheAddress() {
        String email = ShopClient.newEmail();
        Registered ann = shop.register(email, "Ann", "en");
        assertThat(ann.emailVerified()).isFalse();
        assertThat(ann.language()).isEqualTo("en");
        assertThat(ann.status()).isEqualTo("ACTIVE");

        JsonNode contact = contacts.awaitEvent(ann.id().toString(), "ContactChanged");
        assertThat(contact.get("email").asString()).isEqualTo(email);
        assertThat(contact.get("displayName").asString()).isEqualTo("Ann");
        assertThat(contact.get("language").asString()).isEqualTo("en");
        JsonNode welcome = mail.awaitEvent(ann.id().toString(), "EmailVerificationRequested");
        assertThat(welcome.get("welcome").asBoolean()).isTrue();
        assertThat(welcome.get("email").asString()).isEqualTo(email);
        assertThat(welcome.get("language").asString()).isEqualTo("en");
        String token = welcome.get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(storedTokenHashes(ann)).doesNotContain(token).allMatch(hash -> hash.matches("[0-9a-f]{64}"));

        verify(token).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);

        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);
        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.emailVerified")
                .isEqualTo(true)
                .jsonPath("$.pendingEmail")
                .isEmpty();
        expectProblem( // Single use.
                verify(token), 400, "invalid-token");
    }

    @Test
    void withoutALanguageAnAccountSpeaksChinese() {
        Registered bob = shop.register(ShopClient.newEmail());

        assertThat(bob.language()).isEqualTo("zh-CN");
    }

    @Test
    void anExpiredOrUnknownLinkIsRefused() {
        Registered ann = shop.register(ShopClient.newEmail(), "Ann", "zh-CN");
        String token = mail.awaitEvent(ann.id().toString(), "EmailVerificationRequested")
                .get("token")
                .asString();

        clock.advance(Duration.ofHours(25));

        expectProblem(verify(token), 400, "invalid-token");
        expectProblem(verify("not-a-token-anyone-was-given"), 400, "invalid-token");
    }

    @Test
    void aNewAddressReplacesTheOldOnlyOnceVerified() {
        String oldEmail = ShopClient.newEmail();
        String newEmail = ShopClient.newEmail();
        Registered ann = shop.register(oldEmail, "Ann", "en");
        Tokens tokens = shop.tokensFor(oldEmail, ShopClient.PASSWORD);

        requestEmailChange(tokens, newEmail, ShopClient.PASSWORD)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(oldEmail)
                .jsonPath("$.pendingEmail")
                .isEqualTo(newEmail);
        JsonNode link = mailTo(ann, "EmailVerificationRequested", newEmail);
        assertThat(link.get("welcome").asBoolean()).isFalse();

        verify(link.get("token").asString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(newEmail);

        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(newEmail)
                .jsonPath("$.emailVerified")
                .isEqualTo(true)
                .jsonPath("$.pendingEmail")
                .isEmpty();
        // The outbox relays the swapped contact shortly after the answer.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(contacts.events(ann.id().toString(), "ContactChanged"))
                        .extracting(contact -> contact.get("email").asString())
                        .containsExactly(oldEmail, newEmail));
        shop.logIn(oldEmail, ShopClient.PASSWORD).expectStatus().isUnauthorized();
        shop.tokensFor(newEmail, ShopClient.PASSWORD);
    }

    @Test
    void anAddressTakenBeforeItIsVerifiedIsNotSwapped() {
        String oldEmail = ShopClient.newEmail();
        String newEmail = ShopClient.newEmail();
        Registered ann = shop.register(oldEmail, "Ann", "en");
        Tokens tokens = shop.tokensFor(oldEmail, ShopClient.PASSWORD);
        requestEmailChange(tokens, newEmail, ShopClient.PASSWORD).expectStatus().isAccepted();
        String token =
                mailTo(ann, "EmailVerificationRequested", newEmail).get("token").asString();
        shop.register(newEmail);

        expectProblem(verify(token), 409, "email-taken");

        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(oldEmail);
    }

    @Test
    void changingTheAddressNeedsThePasswordAndAFreeAddress() {
        String email = ShopClient.newEmail();
        shop.register(email);
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);
        String taken = ShopClient.newEmail();
        shop.register(taken);

        expectProblem(requestEmailChange(tokens, ShopClient.newEmail(), "not the password"), 400, "invalid-password");
        expectProblem(requestEmailChange(tokens, taken, ShopClient.PASSWORD), 409, "email-taken");
        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.pendingEmail")
                .isEmpty();
    }

    @Test
    void theLinkIsResentAFewTimesThenRefusedForAWhile() {
        String email = ShopClient.newEmail();
        Registered ann = shop.register(email);
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);

        for (int i = 0; i < 3; i++) {
            shop.post("/api/users/me/email-verification", tokens.accessToken(), Map.of())
                    .expectStatus()
                    .isAccepted();
        }
        shop.post("/api/users/me/email-verification", tokens.accessToken(), Map.of())
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "too-many-requests");

        // Only the latest link works: each new one replaces the one before.
        var links = mailEventually(ann, 4);
        verify(links.getFirst().get("token").asString()).expectStatus().isBadRequest();
        verify(links.getLast().get("token").asString()).expectStatus().isOk();
        expectProblem(
                shop.post("/api/users/me/email-verification", tokens.accessToken(), Map.of()),
                409,
                "nothing-to-verify");
    }

    @Test
    void aNewLanguageOrNameIsPublishedAsTheContact() {
        String email = ShopClient.newEmail();
        Registered ann = shop.register(email);
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);

        http.patch()
                .uri("/api/users/me")
                .headers(h -> h.setBearerAuth(tokens.accessToken()))
                .bodyValue(Map.of("language", "en", "displayName", "Ann B."))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.language")
                .isEqualTo("en");
        http.patch()
                .uri("/api/users/me")
                .headers(h -> h.setBearerAuth(tokens.accessToken()))
                .bodyValue(Map.of("language", "fr"))
                .exchange()
                .expectStatus()
                .isBadRequest();

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        contacts.events(ann.id().toString(), "ContactChanged").size() == 2);
        JsonNode latest = contacts.events(ann.id().toString(), "ContactChanged").getLast();
        assertThat(latest.get("language").asString()).isEqualTo("en");
        assertThat(latest.get("displayName").asString()).isEqualTo("Ann B.");
    }

    private WebTestClient.ResponseSpec requestEmailChange(Tokens tokens, String newEmail, String password) {
        return shop.post(
                "/api/users/me/email", tokens.accessToken(), Map.of("newEmail", newEmail, "currentPassword", password));
    }

    private WebTestClient.ResponseSpec verify(String token) {
        return shop.post("/api/users/email-verification", null, Map.of("token", token));
    }

    private JsonNode mailTo(Registered account, String type, String to) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> mail.events(account.id().toString(), type).stream()
                                .filter(event -> to.equals(event.get("email").asString()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private List<JsonNode> mailEventually(Registered account, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> mail.events(account.id().toString(), "EmailVerificationRequested"),
                        found -> found.size() == count);
    }

    private List<String> storedTokenHashes(Registered account) {
        return database.sql("SELECT hash FROM one_time_token WHERE user_id = :id")
                .bind("id", account.id())
                .mapValue(String.class)
                .all()
                .collectList()
                .block();
    }
}
