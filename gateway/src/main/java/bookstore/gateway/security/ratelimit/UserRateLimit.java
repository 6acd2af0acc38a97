package bookstore.gateway.security.ratelimit;

import bookstore.gateway.problem.ProblemResponses;
import bookstore.gateway.security.EdgeFilters;
import bookstore.gateway.security.ratelimit.RateLimitProperties.Allowance;
import bookstore.gateway.security.ratelimit.TokenBuckets.Decision;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits the requests of each user, known by the verified token's subject, however many addresses they spread them
 * over. Runs after the security chain, which has verified the token by then; anonymous requests are left to the
 * per-client limit.
 */
final class UserRateLimit implements WebFilter, Ordered {

    private final TokenBuckets buckets;
    private final ProblemResponses problems;
    private final Allowance perUser;

    UserRateLimit(TokenBuckets buckets, ProblemResponses problems, RateLimitProperties limits) {
        this.buckets = buckets;
        this.problems = problems;
        this.perUser = limits.perUser();
    }

    @Override
    public int getOrder() {
        return EdgeFilters.USER_RATE_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .flatMap(user -> buckets.take("user:" + user.getName(), perUser))
                .defaultIfEmpty(Decision.ALLOWED)
                .flatMap(decision -> decision.allowed()
                        ? chain.filter(exchange)
                        : TooManyRequests.answer(problems, exchange, decision, "for this user"));
    }
}
