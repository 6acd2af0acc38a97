package bookstore.user.auth.web;

import bookstore.user.auth.application.AccessTokens;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The session a request comes from, as its access token names it ({@code sid}). The refresh cookie
 * cannot say: the browser sends it to the session resource alone (ADR 11).
 */
final class CallerSession {

    private CallerSession() {}

    static Mono<Optional<UUID>> id() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken jwt
                        ? jwt.getToken().getClaimAsString(AccessTokens.SESSION_CLAIM)
                        : null)
                .flatMap(sid -> {
                    try {
                        return Mono.just(Optional.of(UUID.fromString(sid)));
                    } catch (IllegalArgumentException notASessionId) {
                        return Mono.empty();
                    }
                })
                .defaultIfEmpty(Optional.empty());
    }
}
