package bookstore.gateway.security.ratelimit;

import bookstore.gateway.problem.ProblemResponses;
import bookstore.gateway.security.ClientConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limits at the edge, per client address and per user, answered with 429 and {@code Retry-After}. The buckets
 * live in memory unless {@code REDIS_URL} names a Redis to share them between replicas.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "bookstore.gateway.rate-limits.enabled", matchIfMissing = true)
class RateLimiting {

    private static final Logger log = LoggerFactory.getLogger(RateLimiting.class);

    @Bean
    TokenBuckets tokenBuckets(RateLimitProperties limits) {
        if (limits.redisUrl().isBlank()) {
            log.info("Rate limits are kept in this instance's memory; set REDIS_URL to share them between replicas");
            return new InMemoryTokenBuckets(System::nanoTime);
        }
        return RedisTokenBuckets.connect(limits.redisUrl());
    }

    @Bean
    ClientRateLimit clientRateLimit(
            TokenBuckets buckets,
            ClientConnections connections,
            ProblemResponses problems,
            RateLimitProperties limits) {
        return new ClientRateLimit(buckets, connections, problems, limits);
    }

    @Bean
    UserRateLimit userRateLimit(TokenBuckets buckets, ProblemResponses problems, RateLimitProperties limits) {
        return new UserRateLimit(buckets, problems, limits);
    }
}
