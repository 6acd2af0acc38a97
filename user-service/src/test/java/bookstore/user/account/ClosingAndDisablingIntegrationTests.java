package bookstore.user.account;

import static bookstore.user.ShopClient.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.events.Topics;
import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Registered;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.TopicReader;
import bookstore.user.UserServiceIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Customers closing their accounts, administrators disabling, enabling and closing them. */
@UserServiceIntegrationTest
class ClosingAndDisablingIntegrationTests {

    static final String PROBLEMS = "https://bookstore.example/problems/";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    ShopClient shop;
    Tokens admin;
    String email;
    Registered ann;

    @BeforeEach
    void aCustomerAndTheAdministrator() {
        shop = new ShopClient(http);
        admin = shop.tokensFor(UserServiceIntegrationTest.ADMIN_EMAIL, UserServiceIntegrationTest.ADMIN_PASSWORD);
        email = ShopClient.newEmail();
        ann = shop.register(email);
    }

    @Test
    void closingDeletesTheAccountItsCredentialsAndTokensAndTellsEveryone() {
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);
        shop.post("/api/auth/password-reset", null, Map.of("email", email))
                .expectStatus()
                .isAccepted();

        shop.post("/api/users/me/close", tokens.accessToken(), Map.of("password", ShopClient.PASSWORD))
                .expectStatus()
                .isNoContent()
                .expectHeader()
                .valueMatches("Set-Cookie", "bookstore_(refresh|signed_in)=;.*Max-Age=0.*");

        assertThat(rows("user_account", "id")).isZero();
        assertThat(rows("refresh_token", "user_id")).isZero();
        assertThat(rows("one_time_token", "user_id")).isZero();
        shop.refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
        shop.logIn(email, ShopClient.PASSWORD).expectStatus().isUnauthorized();
        assertClosedAndErased("CUSTOMER");
    }

    @Test
    void closingNeedsThePassword() {
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);

        expectProblem(
                shop.post("/api/users/me/close", tokens.accessToken(), Map.of("password", "not the password")),
                400,
                "invalid-password");

        assertThat(rows("user_account", "id")).isOne();
    }

    @Test
    void anAdministratorClosesACustomersAccount() {
        http.delete()
                .uri("/api/users/{id}", ann.id())
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(rows("user_account", "id")).isZero();
        assertClosedAndErased("ADMIN");
    }

    @Test
    void aDisabledAccountCannotLogInOrRefreshUntilEnabled() {
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);

        shop.post("/api/users/" + ann.id() + "/disable", admin.accessToken(), Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DISABLED");

        shop.refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
        shop.logIn(email, ShopClient.PASSWORD)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "account-disabled");
        // A wrong password is answered as for any account: the state is not revealed to a guesser.
        shop.logIn(email, "not the password").expectStatus().isUnauthorized();
        shop.get("/api/users?status=DISABLED&q=" + email, admin.accessToken())
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(ann.id().toString());

        shop.post("/api/users/" + ann.id() + "/enable", admin.accessToken(), Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        shop.tokensFor(email, ShopClient.PASSWORD);
    }

    @Test
    void anAdministratorCannotDisableOrCloseThemselves() {
        String self = ShopClient.subjectOf(admin);

        expectProblem(
                shop.post("/api/users/" + self + "/disable", admin.accessToken(), Map.of()),
                409,
                "cannot-lock-yourself-out");
        http.delete()
                .uri("/api/users/{id}", self)
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        shop.post(
                        "/api/users/me/close",
                        admin.accessToken(),
                        Map.of("password", UserServiceIntegrationTest.ADMIN_PASSWORD))
                .expectStatus()
                .isEqualTo(409);

        shop.get("/api/users/me", admin.accessToken())
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
    }

    @Test
    void aCustomerCannotDisableEnableOrCloseAnotherAccount() {
        Tokens bob = shop.newCustomer();

        shop.post("/api/users/" + ann.id() + "/disable", bob.accessToken(), Map.of())
                .expectStatus()
                .isForbidden();
        shop.post("/api/users/" + ann.id() + "/enable", bob.accessToken(), Map.of())
                .expectStatus()
                .isForbidden();
        http.delete()
                .uri("/api/users/{id}", ann.id())
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .exchange()
                .expectStatus()
                .isForbidden();

        assertThat(rows("user_account", "id")).isOne();
    }

    private void assertClosedAndErased(String closedBy) {
        String id = ann.id().toString();
        try (TopicReader events = new TopicReader(kafka, Topics.USER_EVENTS.name());
                TopicReader contacts = new TopicReader(kafka, Topics.USER_CONTACTS.name())) {
            JsonNode closed = events.awaitEvent(id, "AccountClosed");
            assertThat(closed.get("closedBy").asString()).isEqualTo(closedBy);
            assertThat(closed.propertyNames())
                    .containsExactlyInAnyOrder("eventId", "occurredAt", "userId", "closedBy", "schemaVersion");
            JsonNode erased = contacts.awaitEvent(id, "ContactErased");
            assertThat(erased.toString()).doesNotContain(email);
        }
    }

    private long rows(String table, String userColumn) {
        return database.sql("SELECT count(*) FROM " + table + " WHERE " + userColumn + " = :id")
                .bind("id", ann.id())
                .mapValue(Long.class)
                .one()
                .block();
    }
}
