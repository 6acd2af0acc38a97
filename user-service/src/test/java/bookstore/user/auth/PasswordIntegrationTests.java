package bookstore.user.auth;

import static bookstore.user.ShopClient.expectProblem;
import static bookstore.user.auth.SessionRequests.STOREFRONT;
import static bookstore.user.auth.SessionRequests.accessTokenOf;
import static bookstore.user.auth.SessionRequests.refreshCookieOf;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.events.Topics;
import bookstore.user.MutableClock;
import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Registered;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.TopicReader;
import bookstore.user.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Changing a password while signed in, and resetting a forgotten one with a mailed link. */
@UserServiceIntegrationTest
class PasswordIntegrationTests {

    static final String PROBLEMS = "https://bookstore.example/problems/";
    static final String NEW_PASSWORD = "another long and rare passphrase";

    @Autowired
    WebTestClient http;

    @Autowired
    MutableClock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    ShopClient shop;
    TopicReader mail;
    String email;
    Registered ann;

    @BeforeEach
    void aRegisteredCustomer() {
        shop = new ShopClient(http);
        mail = new TopicReader(kafka, Topics.ACCOUNT_MAIL.name());
        email = ShopClient.newEmail();
        ann = shop.register(email);
    }

    @AfterEach
    void closeTheTopic() {
        mail.close();
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButTheCallers() {
        SessionRequests browser = new SessionRequests(shop);
        EntityExchangeResult<byte[]> browserLogin = browser.logIn(email, ShopClient.PASSWORD, STOREFRONT)
                .expectBody()
                .returnResult();
        String browserCookie = refreshCookieOf(browserLogin);
        Tokens phone = shop.tokensFor(email, ShopClient.PASSWORD);

        changePassword(accessTokenOf(browserLogin), ShopClient.PASSWORD, NEW_PASSWORD)
                .expectStatus()
                .isNoContent();

        shop.refresh(phone.refreshToken()).expectStatus().isUnauthorized();
        browser.refresh(browserCookie, STOREFRONT).expectStatus().isOk();
        shop.logIn(email, ShopClient.PASSWORD).expectStatus().isUnauthorized();
        shop.tokensFor(email, NEW_PASSWORD);
        JsonNode told = mail.awaitEvent(ann.id().toString(), "PasswordChanged");
        assertThat(told.get("byReset").asBoolean()).isFalse();
        assertThat(told.get("email").asString()).isEqualTo(email);
    }

    @Test
    void theCurrentPasswordIsRequiredAndAWeakNewOneRefused() {
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);

        expectProblem(changePassword(tokens.accessToken(), "not the password", NEW_PASSWORD), 400, "invalid-password");
        expectProblem(changePassword(tokens.accessToken(), ShopClient.PASSWORD, "password123"), 400, "weak-password");

        shop.refresh(tokens.refreshToken()).expectStatus().isOk();
        shop.tokensFor(email, ShopClient.PASSWORD);
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        Tokens before = shop.tokensFor(email, ShopClient.PASSWORD);
        requestReset(shop, email).expectStatus().isAccepted();
        JsonNode link = mail.awaitEvent(ann.id().toString(), "PasswordResetRequested");
        assertThat(link.get("email").asString()).isEqualTo(email);
        String token = link.get("token").asString();

        expectProblem(confirm(token, "password123"), 400, "weak-password");
        confirm(token, NEW_PASSWORD).expectStatus().isNoContent();

        expectProblem(confirm(token, "yet another long passphrase"), 400, "invalid-token");
        shop.refresh(before.refreshToken()).expectStatus().isUnauthorized();
        shop.logIn(email, ShopClient.PASSWORD).expectStatus().isUnauthorized();
        Tokens after = shop.tokensFor(email, NEW_PASSWORD);
        // Reading the link proved the address.
        shop.get("/api/users/me", after.accessToken())
                .expectBody()
                .jsonPath("$.emailVerified")
                .isEqualTo(true);
        assertThat(mail.awaitEvent(ann.id().toString(), "PasswordChanged")
                        .get("byReset")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aResetLinkExpires() {
        requestReset(shop, email).expectStatus().isAccepted();
        String token = mail.awaitEvent(ann.id().toString(), "PasswordResetRequested")
                .get("token")
                .asString();

        clock.advance(Duration.ofMinutes(31));

        expectProblem(confirm(token, NEW_PASSWORD), 400, "invalid-token");
        shop.tokensFor(email, ShopClient.PASSWORD);
    }

    @Test
    void unknownAndKnownAddressesGetTheSameAnswer() {
        EntityExchangeResult<byte[]> known =
                requestReset(new ShopClient(http), email).expectBody().returnResult();
        EntityExchangeResult<byte[]> unknown = requestReset(new ShopClient(http), ShopClient.newEmail())
                .expectBody()
                .returnResult();

        assertThat(unknown.getStatus()).isEqualTo(known.getStatus());
        assertThat(known.getStatus().value()).isEqualTo(202);
        assertThat(unknown.getResponseBodyContent()).isEqualTo(known.getResponseBodyContent());
        assertThat(new String(known.getResponseBodyContent())).isEqualTo("{}");
        assertThat(unknown.getResponseHeaders().getContentType())
                .isEqualTo(known.getResponseHeaders().getContentType());
    }

    @Test
    void resetsAreLimitedPerAddressAlikeForKnownAndUnknownAddresses() {
        String unknown = ShopClient.newEmail();
        for (int i = 0; i < 3; i++) {
            requestReset(new ShopClient(http), email).expectStatus().isAccepted();
            requestReset(new ShopClient(http), unknown).expectStatus().isAccepted();
        }

        EntityExchangeResult<byte[]> knownRefused = requestReset(new ShopClient(http), email)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "too-many-requests")
                .returnResult();
        EntityExchangeResult<byte[]> unknownRefused = requestReset(new ShopClient(http), unknown)
                .expectStatus()
                .isEqualTo(429)
                .expectBody()
                .returnResult();
        assertThat(unknownRefused.getResponseBodyContent()).isEqualTo(knownRefused.getResponseBodyContent());
    }

    @Test
    void resetsAreLimitedPerClient() {
        for (int i = 0; i < 10; i++) {
            requestReset(shop, ShopClient.newEmail()).expectStatus().isAccepted();
        }

        requestReset(shop, ShopClient.newEmail())
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After");
        requestReset(new ShopClient(http), ShopClient.newEmail()).expectStatus().isAccepted();
    }

    private WebTestClient.ResponseSpec changePassword(String accessToken, String current, String newPassword) {
        return shop.post(
                "/api/users/me/password", accessToken, Map.of("currentPassword", current, "newPassword", newPassword));
    }

    private static WebTestClient.ResponseSpec requestReset(ShopClient client, String address) {
        return client.post("/api/auth/password-reset", null, Map.of("email", address));
    }

    private WebTestClient.ResponseSpec confirm(String token, String newPassword) {
        return shop.post("/api/auth/password-reset/confirm", null, Map.of("token", token, "newPassword", newPassword));
    }
}
