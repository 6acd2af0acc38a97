package bookstore.gateway.security;

import bookstore.gateway.problem.GatewayProblem;
import bookstore.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers what the security chain turns away as the services would: 401 with a {@code WWW-Authenticate: Bearer}
 * challenge (RFC 6750) when the token is missing or not valid, 403 when a valid caller lacks the role. The detail
 * never says which check a token failed, so a forger learns nothing from it.
 */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean invalidToken = failure instanceof OAuth2AuthenticationException;
        return problems.write(
                exchange,
                invalidToken
                        ? GatewayProblem.INVALID_TOKEN.withDetail(
                                "The access token is not valid: it may be expired, altered or issued for someone else.")
                        : GatewayProblem.UNAUTHENTICATED.withDetail("This request needs a bearer access token."),
                headers -> headers.set(
                        HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer"));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, GatewayProblem.FORBIDDEN.withDetail("You are not allowed to do this."));
    }
}
