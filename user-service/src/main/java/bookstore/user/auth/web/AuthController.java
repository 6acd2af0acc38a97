package bookstore.user.auth.web;

import bookstore.user.auth.application.LoggingIn;
import bookstore.user.auth.application.Sessions;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Logging in, refreshing and logging out for API clients, the tokens in the JSON bodies; browsers use
 * {@link SessionCookieController}. Responses carry tokens, so nothing may cache them.
 */
@RestController
@Tag(name = "tokens", description = "Bearer tokens: logging in, refreshing and logging out")
class AuthController {

    private final LoggingIn loggingIn;
    private final Sessions sessions;
    private final ClientAddresses clientAddresses;

    AuthController(LoggingIn loggingIn, Sessions sessions, ClientAddresses clientAddresses) {
        this.loggingIn = loggingIn;
        this.sessions = sessions;
        this.clientAddresses = clientAddresses;
    }

    @PostMapping("/api/auth/token")
    Mono<TokenResponse> logIn(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return loggingIn
                .logIn(request.attemptFrom(clientAddresses.of(exchange.getRequest())), request.password())
                .map(TokenResponse::of);
    }

    @PostMapping("/api/auth/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshTokenRequest request) {
        return sessions.refresh(request.refreshToken()).map(TokenResponse::of);
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logOut(@Valid @RequestBody RefreshTokenRequest request) {
        return sessions.close(request.refreshToken());
    }
}
