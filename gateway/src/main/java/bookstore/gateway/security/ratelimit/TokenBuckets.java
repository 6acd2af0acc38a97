package bookstore.gateway.security.ratelimit;

import bookstore.gateway.security.ratelimit.RateLimitProperties.Allowance;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this instance's memory, or Redis when the gateway runs as several replicas. */
interface TokenBuckets {

    /**
     * Takes a token from the bucket named {@code key}, which holds up to the allowance's burst and refills at its rate.
     */
    Mono<Decision> take(String key, Allowance allowance);

    /** Whether the request may pass, and if not, when the bucket will have a token again. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Refused; clients get whole seconds ({@code Retry-After}), never less than one. */
        static Decision refused(double secondsUntilNextToken) {
            return new Decision(false, Duration.ofSeconds(Math.max(1, (long) Math.ceil(secondsUntilNextToken))));
        }
    }
}
