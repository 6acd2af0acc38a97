package bookstore.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Method security ({@code @PreAuthorize}) and {@link CurrentUser} fail inside the handler, where
 * the generic error advice would turn them into a 500; this advice, ordered before it, answers them
 * as the filters do: 401 for a request without a valid token, 403 for a caller without the right.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemsAdvice {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> onUnauthenticated(AuthenticationException ex) {
        return unauthorized(ex);
    }

    @ExceptionHandler(AccessDeniedException.class)
    Mono<ResponseEntity<ProblemDetail>> onAccessDenied(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(principal -> !(principal instanceof AnonymousAuthenticationToken))
                .map(principal -> ResponseEntity.status(403).body(SecurityProblems.forbidden()))
                .defaultIfEmpty(unauthorized(new AuthenticationCredentialsNotFoundException("no token")));
    }

    private static ResponseEntity<ProblemDetail> unauthorized(AuthenticationException ex) {
        return ResponseEntity.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, SecurityProblems.challenge(ex))
                .body(SecurityProblems.unauthorized(ex));
    }
}
