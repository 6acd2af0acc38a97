package bookstore.gateway.security.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often callers may call, as token buckets: each holds up to {@code burst} requests and refills at
 * {@code requests} per {@code per}.
 *
 * @param enabled whether the edge limits at all (a benchmark of raw throughput may switch it off)
 * @param redisUrl where buckets are shared between gateway replicas; blank keeps them in this instance's memory
 * @param perClient every request, by client address
 * @param perUser every request with a valid token, by the token's subject, wherever it comes from
 * @param passwordChecks logins and registrations, by client address: each makes user-service hash a password, which
 *     is slow on purpose, so a flood of them is the cheapest way to exhaust it
 */
@ConfigurationProperties("bookstore.gateway.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String redisUrl,
        Allowance perClient,
        Allowance perUser,
        Allowance passwordChecks) {

    /**
     * A bucket's size and refill rate. The period is whole seconds, the granularity of the shared (Redis) buckets.
     */
    record Allowance(long requests, Duration per, long burst) {

        Allowance {
            if (requests < 1 || burst < 1) {
                throw new IllegalArgumentException("A rate limit needs requests >= 1 and burst >= 1");
            }
            if (per.isNegative() || per.toSeconds() < 1 || per.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("A rate limit's period must be whole seconds, not " + per);
            }
        }

        double requestsPerSecond() {
            return (double) requests / per.toSeconds();
        }
    }
}
