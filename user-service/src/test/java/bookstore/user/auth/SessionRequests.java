package bookstore.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.ShopClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The storefront's calls to the cookie session, with the headers a test chooses. */
final class SessionRequests {

    static final String REFRESH = "bookstore_refresh";
    static final String SIGNED_IN = "bookstore_signed_in";

    /** What the storefront sends with every session request. */
    static final Consumer<HttpHeaders> STOREFRONT = h -> h.set("X-Requested-With", "bookstore-storefront");

    static final Consumer<HttpHeaders> NO_HEADERS = h -> {};

    private final WebTestClient http;

    SessionRequests(ShopClient shop) {
        this.http = shop.http;
    }

    WebTestClient.ResponseSpec logIn(String email, String password, Consumer<HttpHeaders> headers) {
        return http.post()
                .uri("/api/auth/session")
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    /** Logs in as the storefront does and returns the refresh cookie's value. */
    String refreshCookieAfterLogIn(String email) {
        return refreshCookieOf(
                logIn(email, ShopClient.PASSWORD, STOREFRONT).expectBody().returnResult());
    }

    WebTestClient.ResponseSpec refresh(String cookie, Consumer<HttpHeaders> headers) {
        return http.post()
                .uri("/api/auth/session/refresh")
                .headers(headers)
                .cookie(REFRESH, cookie)
                .exchange();
    }

    WebTestClient.ResponseSpec logOut(String cookie, Consumer<HttpHeaders> headers) {
        return http.delete()
                .uri("/api/auth/session")
                .headers(headers)
                .cookie(REFRESH, cookie)
                .exchange();
    }

    static String refreshCookieOf(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).isEqualTo(200);
        return SetCookie.named(REFRESH, result).value();
    }

    static String accessTokenOf(EntityExchangeResult<byte[]> result) {
        return JsonMapper.shared()
                .readTree(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
                .get("accessToken")
                .asString();
    }
}
