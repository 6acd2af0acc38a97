package bookstore.gateway.security.ratelimit;

import bookstore.gateway.problem.GatewayProblem;
import bookstore.gateway.problem.ProblemResponses;
import bookstore.gateway.security.ratelimit.TokenBuckets.Decision;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The answer to a caller whose bucket is empty: 429 with {@code Retry-After}, in seconds, as a problem. */
final class TooManyRequests {

    private TooManyRequests() {}

    static Mono<Void> answer(ProblemResponses problems, ServerWebExchange exchange, Decision refusal, String whose) {
        long seconds = refusal.retryAfter().toSeconds();
        return problems.write(
                exchange,
                GatewayProblem.TOO_MANY_REQUESTS.withDetail(
                        "Too many requests " + whose + "; try again in " + seconds + " s."),
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
