package bookstore.user.auth;

import static bookstore.user.auth.SessionRequests.REFRESH;
import static bookstore.user.auth.SessionRequests.SIGNED_IN;
import static bookstore.user.auth.SessionRequests.STOREFRONT;
import static bookstore.user.auth.SessionRequests.accessTokenOf;
import static bookstore.user.auth.SessionRequests.refreshCookieOf;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.MutableClock;
import bookstore.user.ShopClient;
import bookstore.user.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The storefront's session: the refresh token in an HttpOnly cookie, the access token in the body. */
@UserServiceIntegrationTest
class BrowserSessionIntegrationTests {

    static final String SEVEN_DAYS = Long.toString(Duration.ofDays(7).toSeconds());

    @Autowired
    WebTestClient http;

    @Autowired
    MutableClock clock;

    ShopClient shop;
    SessionRequests session;
    String email;

    @BeforeEach
    void aRegisteredCustomer() {
        shop = new ShopClient(http);
        session = new SessionRequests(shop);
        email = ShopClient.newEmail();
        shop.register(email);
    }

    @Test
    void loggingInSetsTheRefreshCookieAndTheSignedInHintWithExactlyTheseAttributes() {
        EntityExchangeResult<byte[]> login = session.logIn(email, ShopClient.PASSWORD, STOREFRONT)
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.tokenType")
                .isEqualTo("Bearer")
                .jsonPath("$.expiresIn")
                .isEqualTo(900)
                .jsonPath("$.refreshToken")
                .doesNotExist()
                .returnResult();

        SetCookie refresh = SetCookie.named(REFRESH, login);
        assertThat(refresh.value()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(refresh.attributes())
                .containsEntry("path", "/api/auth/session")
                .containsEntry("max-age", SEVEN_DAYS)
                .containsEntry("httponly", "")
                .containsEntry("samesite", "Strict")
                .containsOnlyKeys("path", "max-age", "expires", "httponly", "samesite");
        SetCookie signedIn = SetCookie.named(SIGNED_IN, login);
        assertThat(signedIn.value()).isEqualTo("1");
        assertThat(signedIn.attributes())
                .containsEntry("path", "/")
                .containsEntry("max-age", SEVEN_DAYS)
                .containsEntry("samesite", "Strict")
                .containsOnlyKeys("path", "max-age", "expires", "samesite");
        shop.get("/api/users/me", accessTokenOf(login)).expectStatus().isOk();
    }

    @Test
    void overHttpsBothCookiesAreSecure() {
        EntityExchangeResult<byte[]> login = session.logIn(
                        email, ShopClient.PASSWORD, STOREFRONT.andThen(h -> h.set("X-Forwarded-Proto", "https")))
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        assertThat(SetCookie.named(REFRESH, login).attributes()).containsKey("secure");
        assertThat(SetCookie.named(SIGNED_IN, login).attributes()).containsKey("secure");
    }

    @Test
    void refreshingWithTheCookieRotatesItAndReusingTheOldOneEndsTheSession() {
        String first = session.refreshCookieAfterLogIn(email);

        EntityExchangeResult<byte[]> refreshed = session.refresh(first, STOREFRONT)
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.refreshToken")
                .doesNotExist()
                .returnResult();
        SetCookie rotated = SetCookie.named(REFRESH, refreshed);
        assertThat(rotated.value()).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(rotated.attributes())
                .containsEntry("path", "/api/auth/session")
                .containsEntry("max-age", SEVEN_DAYS)
                .containsEntry("httponly", "")
                .containsEntry("samesite", "Strict");
        assertThat(SetCookie.named(SIGNED_IN, refreshed).value()).isEqualTo("1");
        shop.get("/api/users/me", accessTokenOf(refreshed)).expectStatus().isOk();

        // The old cookie replayed, by a thief or a confused tab: refused, and as with the JSON
        // refresh, the whole session ends, so the rotated cookie stops working too.
        expectRefusedAndCleared(session.refresh(first, STOREFRONT));
        expectRefusedAndCleared(session.refresh(rotated.value(), STOREFRONT));
    }

    @Test
    void aRefreshWithoutAUsableCookieIsRefusedAndClearsBothCookies() {
        expectRefusedAndCleared(
                http.post().uri("/api/auth/session/refresh").headers(STOREFRONT).exchange());
        expectRefusedAndCleared(session.refresh("made-up-" + System.nanoTime(), STOREFRONT));
    }

    @Test
    void anExpiredCookieIsRefused() {
        String cookie = session.refreshCookieAfterLogIn(email);

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        expectRefusedAndCleared(session.refresh(cookie, STOREFRONT));
    }

    @Test
    void loggingOutRevokesTheSessionAndClearsBothCookiesWithoutAnAccessToken() {
        String cookie = session.refreshCookieAfterLogIn(email);

        EntityExchangeResult<byte[]> logout = session.logOut(cookie, STOREFRONT)
                .expectStatus()
                .isNoContent()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .returnResult();

        assertCleared(logout);
        expectRefusedAndCleared(session.refresh(cookie, STOREFRONT));
    }

    @Test
    void loggingOutWithoutACookieStillClearsTheCookies() {
        assertCleared(http.delete()
                .uri("/api/auth/session")
                .headers(STOREFRONT)
                .exchange()
                .expectStatus()
                .isNoContent()
                .expectBody()
                .returnResult());
    }

    @Test
    void wrongCredentialsAreRefusedAsAtTheTokenEndpointAndSetNoCookie() {
        session.logIn(email, "not the passphrase at all", STOREFRONT)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/invalid-credentials");
    }

    @Test
    void aMalformedLoginIsRefusedWithTheFieldsAtFault() {
        shop.http
                .post()
                .uri("/api/auth/session")
                .headers(STOREFRONT)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).contains("email", "password"));
    }

    @Test
    void theLoginThrottleCountsCookieLoginsToo() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            session.logIn(email, "wrong guess " + attempt, STOREFRONT)
                    .expectStatus()
                    .isUnauthorized();
        }

        session.logIn(email, ShopClient.PASSWORD, STOREFRONT)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);
        // One throttle for both ways in.
        shop.logIn(email, ShopClient.PASSWORD).expectStatus().isEqualTo(429);
    }

    @Test
    void loggingInAgainEndsTheSessionTheBrowserHeldBefore() {
        String before = session.refreshCookieAfterLogIn(email);

        String after = refreshCookieOf(shop.http
                .post()
                .uri("/api/auth/session")
                .headers(STOREFRONT)
                .cookie(REFRESH, before)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", ShopClient.PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult());

        expectRefusedAndCleared(session.refresh(before, STOREFRONT));
        session.refresh(after, STOREFRONT).expectStatus().isOk();
    }

    private static void expectRefusedAndCleared(WebTestClient.ResponseSpec response) {
        assertCleared(response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/invalid-refresh-token")
                .returnResult());
    }

    private static void assertCleared(EntityExchangeResult<byte[]> result) {
        SetCookie refresh = SetCookie.named(REFRESH, result);
        assertThat(refresh.value()).isEmpty();
        // A cookie is only replaced by one of the same name and path.
        assertThat(refresh.attributes())
                .containsEntry("path", "/api/auth/session")
                .containsEntry("max-age", "0");
        SetCookie signedIn = SetCookie.named(SIGNED_IN, result);
        assertThat(signedIn.value()).isEmpty();
        assertThat(signedIn.attributes()).containsEntry("path", "/").containsEntry("max-age", "0");
    }
}
