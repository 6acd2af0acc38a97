package bookstore.platform.security;

import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * The caller of the request being handled, for ownership checks in handlers and use cases. Fails
 * with an authentication error (answered as 401) when the request carries no verified token, so a
 * handler never mistakes an anonymous request for a user.
 */
public final class CurrentUser {

    private static final String ROLE_PREFIX = "ROLE_";

    private CurrentUser() {}

    public static Mono<Caller> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(authentication ->
                        authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken))
                .switchIfEmpty(Mono.error(
                        () -> new AuthenticationCredentialsNotFoundException("The request carries no access token")))
                .map(CurrentUser::callerOf);
    }

    public static Mono<UUID> id() {
        return get().map(Caller::id);
    }

    private static Caller callerOf(Authentication authentication) {
        UUID id;
        try {
            id = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token's subject is not a user id");
        }
        return new Caller(
                id,
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                        .map(authority -> authority.substring(ROLE_PREFIX.length()))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
