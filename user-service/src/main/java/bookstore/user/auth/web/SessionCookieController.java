package bookstore.user.auth.web;

import bookstore.user.auth.application.InvalidRefreshToken;
import bookstore.user.auth.application.IssuedTokens;
import bookstore.user.auth.application.LoggingIn;
import bookstore.user.auth.application.Sessions;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The browser's session (ADR 11): the same logins, refreshes and logouts as {@link AuthController},
 * but the refresh token travels in an HttpOnly cookie and never reaches the page's scripts, which
 * keep only the short-lived access token, in memory.
 *
 * <p>Every request must pass {@link CrossSiteRequests} before anything else happens, the body is not
 * even read otherwise; every answer, refusals included, is {@code no-store}.
 */
@RestController
@Tag(name = "browser-sessions", description = "Browser sessions with the refresh token in an HttpOnly cookie")
class SessionCookieController {

    private final LoggingIn loggingIn;
    private final Sessions sessions;
    private final ClientAddresses clientAddresses;
    private final SessionCookies cookies;

    SessionCookieController(
            LoggingIn loggingIn, Sessions sessions, ClientAddresses clientAddresses, SessionCookies cookies) {
        this.loggingIn = loggingIn;
        this.sessions = sessions;
        this.clientAddresses = clientAddresses;
        this.cookies = cookies;
    }

    /**
     * Logs in. A session this browser still held is ended: its cookie is about to be overwritten, and
     * a refresh token nobody holds any more should not stay valid for days.
     */
    @PostMapping("/api/auth/session")
    Mono<AccessTokenResponse> logIn(@Valid @RequestBody Mono<LoginRequest> body, ServerWebExchange exchange) {
        return guarded(exchange)
                .then(body)
                .flatMap(request -> loggingIn.logIn(
                        request.attemptFrom(clientAddresses.of(exchange.getRequest())), request.password()))
                .flatMap(tokens -> closeSessionOfCookie(exchange).thenReturn(tokens))
                .map(tokens -> handOver(tokens, exchange));
    }

    /** A new access token for the cookie's refresh token, which is rotated like any other. */
    @PostMapping("/api/auth/session/refresh")
    Mono<AccessTokenResponse> refresh(ServerWebExchange exchange) {
        return guarded(exchange)
                .then(Mono.defer(() -> Mono.justOrEmpty(cookies.refreshToken(exchange.getRequest()))))
                .switchIfEmpty(Mono.error(InvalidRefreshToken::new))
                .flatMap(sessions::refresh)
                .map(tokens -> handOver(tokens, exchange))
                // A cookie that cannot refresh never will: drop it, and the hint that it is worth trying.
                .doOnError(
                        InvalidRefreshToken.class,
                        invalid -> cookies.clear(exchange.getRequest(), exchange.getResponse()));
    }

    /** Logs out: needs no access token, which may well have expired by now. */
    @DeleteMapping("/api/auth/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logOut(ServerWebExchange exchange) {
        return guarded(exchange)
                .then(closeSessionOfCookie(exchange))
                .then(Mono.fromRunnable(() -> cookies.clear(exchange.getRequest(), exchange.getResponse())));
    }

    private Mono<Void> guarded(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore());
        return CrossSiteRequests.refuse(exchange.getRequest());
    }

    private Mono<Void> closeSessionOfCookie(ServerWebExchange exchange) {
        return Mono.defer(() ->
                cookies.refreshToken(exchange.getRequest()).map(sessions::close).orElse(Mono.empty()));
    }

    private AccessTokenResponse handOver(IssuedTokens tokens, ServerWebExchange exchange) {
        cookies.hand(tokens.refreshToken(), exchange.getRequest(), exchange.getResponse());
        return AccessTokenResponse.of(tokens.accessToken());
    }
}
