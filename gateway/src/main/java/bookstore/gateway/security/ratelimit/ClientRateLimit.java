package bookstore.gateway.security.ratelimit;

import bookstore.gateway.problem.ProblemResponses;
import bookstore.gateway.security.ClientConnections;
import bookstore.gateway.security.EdgeFilters;
import bookstore.gateway.security.ratelimit.RateLimitProperties.Allowance;
import bookstore.gateway.security.ratelimit.TokenBuckets.Decision;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits every request by client address, before its token is even looked at, and logins, registrations and the
 * account routes that check a password or a mailed link's token, or send mail, more strictly on top.
 */
final class ClientRateLimit implements WebFilter, Ordered {

    // Logins, for scripts and for the browser session alike, and registrations; refreshes check no password. Password
    // resets (asking for a link mails someone; using one checks its token) and verification links likewise, and the
    // signed-in account's routes that check the password or mail a link.
    private static final ServerWebExchangeMatcher PASSWORD_CHECKS = ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.POST,
            "/api/auth/token",
            "/api/auth/session",
            "/api/users",
            "/api/auth/password-reset",
            "/api/auth/password-reset/confirm",
            "/api/users/email-verification",
            "/api/users/me/email-verification",
            "/api/users/me/email",
            "/api/users/me/password",
            "/api/users/me/close");

    private final TokenBuckets buckets;
    private final ClientConnections connections;
    private final ProblemResponses problems;
    private final Allowance perClient;
    private final Allowance passwordChecks;

    ClientRateLimit(
            TokenBuckets buckets,
            ClientConnections connections,
            ProblemResponses problems,
            RateLimitProperties limits) {
        this.buckets = buckets;
        this.connections = connections;
        this.problems = problems;
        this.perClient = limits.perClient();
        this.passwordChecks = limits.passwordChecks();
    }

    @Override
    public int getOrder() {
        return EdgeFilters.CLIENT_RATE_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String client = connections.address(exchange.getRequest());
        return buckets.take("client:" + client, perClient)
                .flatMap(
                        decision -> decision.allowed() ? passwordCheckAllowance(exchange, client) : Mono.just(decision))
                .flatMap(decision -> decision.allowed()
                        ? chain.filter(exchange)
                        : TooManyRequests.answer(problems, exchange, decision, "from this client"));
    }

    private Mono<Decision> passwordCheckAllowance(ServerWebExchange exchange, String client) {
        return PASSWORD_CHECKS
                .matches(exchange)
                .flatMap(match ->
                        match.isMatch() ? buckets.take("password-checks:" + client, passwordChecks) : allowed());
    }

    private static Mono<Decision> allowed() {
        return Mono.just(Decision.ALLOWED);
    }
}
