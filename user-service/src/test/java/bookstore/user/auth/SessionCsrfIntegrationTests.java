package bookstore.user.auth;

import static bookstore.user.auth.SessionRequests.NO_HEADERS;
import static bookstore.user.auth.SessionRequests.STOREFRONT;

import bookstore.user.ShopClient;
import bookstore.user.UserServiceIntegrationTest;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The cookie session answers only requests the shop's own pages sent (ADR 11). */
@UserServiceIntegrationTest
class SessionCsrfIntegrationTests {

    @Autowired
    WebTestClient http;

    SessionRequests session;
    String email;

    @BeforeEach
    void aRegisteredCustomer() {
        ShopClient shop = new ShopClient(http);
        session = new SessionRequests(shop);
        email = ShopClient.newEmail();
        shop.register(email);
    }

    @Test
    void withoutTheRequestedWithHeaderNothingHappens() {
        String cookie = session.refreshCookieAfterLogIn(email);

        expectCsrfRefusal(session.refresh(cookie, NO_HEADERS));
        expectCsrfRefusal(session.refresh(cookie, h -> h.set("X-Requested-With", "")));
        expectCsrfRefusal(session.logOut(cookie, NO_HEADERS));
        // Login CSRF: a foreign form must not sign the browser in to the attacker's account.
        expectCsrfRefusal(session.logIn(email, ShopClient.PASSWORD, NO_HEADERS));

        // The cookie was neither rotated nor revoked.
        session.refresh(cookie, STOREFRONT).expectStatus().isOk();
    }

    @Test
    void crossSiteRequestsAreRefusedEvenWithTheHeader() {
        String cookie = session.refreshCookieAfterLogIn(email);
        Consumer<HttpHeaders> crossSite = STOREFRONT.andThen(h -> {
            h.set(HttpHeaders.ORIGIN, "https://evil.example");
            h.set("Sec-Fetch-Site", "cross-site");
        });

        expectCsrfRefusal(session.refresh(cookie, crossSite));
        expectCsrfRefusal(session.logOut(cookie, crossSite));
        expectCsrfRefusal(session.logIn(email, ShopClient.PASSWORD, crossSite));

        // The shop's own page, as a browser describes it, is let through.
        session.refresh(cookie, STOREFRONT.andThen(h -> {
                    h.set(HttpHeaders.ORIGIN, "https://shop.example");
                    h.set("Sec-Fetch-Site", "same-origin");
                }))
                .expectStatus()
                .isOk();
    }

    private static void expectCsrfRefusal(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/csrf");
    }
}
