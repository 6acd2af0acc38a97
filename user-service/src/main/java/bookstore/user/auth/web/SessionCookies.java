package bookstore.user.auth.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The two cookies of a browser session (ADR 11). {@value #REFRESH} carries the refresh token where
 * no script can read it, and only to the session resource itself; {@value #SIGNED_IN} carries no
 * secret and only tells the storefront, which cannot see the first, that a refresh is worth trying
 * when a page loads. Both live as long as the refresh token does and go together.
 */
public final class SessionCookies {

    static final String REFRESH = "bookstore_refresh";
    static final String SIGNED_IN = "bookstore_signed_in";
    static final String REFRESH_PATH = "/api/auth/session";

    /** Refresh tokens are 43 characters; anything much longer is not one and is not even hashed. */
    private static final int LONGEST_TOKEN = 200;

    private final Duration lifetime;

    /** @param lifetime the refresh token's: the cookie must not outlive the token, nor die before it */
    public SessionCookies(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Optional<String> refreshToken(ServerHttpRequest request) {
        return Optional.ofNullable(request.getCookies().getFirst(REFRESH))
                .map(cookie -> cookie.getValue())
                .filter(value -> !value.isBlank() && value.length() <= LONGEST_TOKEN);
    }

    void hand(String refreshToken, ServerHttpRequest request, ServerHttpResponse response) {
        set(response, refreshToken, "1", lifetime, overHttps(request));
    }

    void clear(ServerHttpRequest request, ServerHttpResponse response) {
        set(response, "", "", Duration.ZERO, overHttps(request));
    }

    private static void set(
            ServerHttpResponse response, String refreshToken, String signedIn, Duration maxAge, boolean secure) {
        response.addCookie(ResponseCookie.from(REFRESH, refreshToken)
                .path(REFRESH_PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .maxAge(maxAge)
                .build());
        // Readable by the storefront's scripts on purpose: it is a hint, not a credential.
        response.addCookie(ResponseCookie.from(SIGNED_IN, signedIn)
                .path("/")
                .secure(secure)
                .sameSite("Strict")
                .maxAge(maxAge)
                .build());
    }

    /**
     * Whether the browser reached the shop over HTTPS. Behind the gateway the hop to this service is
     * plain HTTP, so the gateway's {@code X-Forwarded-Proto} says how the browser connected. It is
     * believed from anyone: a forged {@code https} only adds {@code Secure}, which makes the forger's
     * own browser withhold the cookie over plain HTTP.
     */
    private static boolean overHttps(ServerHttpRequest request) {
        if ("https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        return request.getHeaders().getOrEmpty("X-Forwarded-Proto").stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .anyMatch("https"::equalsIgnoreCase);
    }
}
