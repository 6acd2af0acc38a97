package bookstore.gateway.security.ratelimit;

import bookstore.gateway.security.ratelimit.RateLimitProperties.Allowance;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Token buckets in Redis, shared by every gateway replica. The refill-and-take step is Spring Cloud Gateway's own
 * token-bucket script ({@code RedisRateLimiter}'s), which Redis runs atomically and times by its own clock, so replicas
 * with drifting clocks still agree. Its rate is whole tokens per second; a slower allowance such as 60 per minute makes
 * each request cost 60 tokens refilled at 60 per second.
 *
 * <p>Redis is checked once at start-up, so a gateway configured for shared limits does not quietly start without
 * them. If Redis fails later, requests are let through (and the failure logged): an outage of the rate limiter must
 * not become an outage of the shop.
 */
final class RedisTokenBuckets implements TokenBuckets, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> TOKEN_BUCKET = (RedisScript)
            RedisScript.of(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);

    private static final String KEY_PREFIX = "bookstore:rate-limit:";

    // A rate-limit check waits at most this long for Redis before the request is let through.
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

    private static final Duration STARTUP_CHECK_TIMEOUT = Duration.ofSeconds(15);

    private static final long FAILURE_LOG_INTERVAL_NANOS =
            Duration.ofSeconds(30).toNanos();

    private final LettuceConnectionFactory connections;
    private final ReactiveStringRedisTemplate redis;
    private final AtomicLong lastFailureLogged = new AtomicLong(System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS);

    private RedisTokenBuckets(LettuceConnectionFactory connections) {
        this.connections = connections;
        this.redis = new ReactiveStringRedisTemplate(connections);
    }

    /** Connects to Redis at {@code url} ({@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS). */
    static RedisTokenBuckets connect(String url) {
        RedisURI uri = RedisURI.create(url);
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(COMMAND_TIMEOUT)
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder()
                                .connectTimeout(Duration.ofSeconds(2))
                                .build())
                        // While reconnecting, fail at once (and let the request through) instead of queueing.
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        if (uri.isSsl()) {
            client.useSsl();
        }
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
        connections.afterPropertiesSet();
        connections.start();
        RedisTokenBuckets buckets = new RedisTokenBuckets(connections);
        try {
            awaitPing(connections);
        } catch (RuntimeException e) {
            buckets.close();
            throw new IllegalStateException(
                    "Cannot reach Redis at " + uri.getHost() + ":" + uri.getPort() + " for the shared rate limits", e);
        }
        log.info("Rate limits are shared through Redis at {}:{}", uri.getHost(), uri.getPort());
        return buckets;
    }

    // Redis starting alongside the gateway, or a slow first handshake, is not yet a reason to give up.
    private static void awaitPing(ReactiveRedisConnectionFactory connections) {
        Mono.usingWhen(
                        Mono.fromCallable(connections::getReactiveConnection).subscribeOn(Schedulers.boundedElastic()),
                        ReactiveRedisConnection::ping,
                        connection -> Mono.fromRunnable(connection::close))
                .timeout(COMMAND_TIMEOUT.multipliedBy(2))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(2))
                        .doBeforeRetry(retry -> log.info(
                                "Redis does not answer yet ({}); trying again",
                                retry.failure().getMessage())))
                .block(STARTUP_CHECK_TIMEOUT);
    }

    @Override
    public Mono<Decision> take(String key, Allowance allowance) {
        long cost = allowance.per().toSeconds();
        String bucket = KEY_PREFIX + "{" + key + "}";
        List<String> keys = List.of(bucket + ".tokens", bucket + ".timestamp");
        // rate, capacity, now (blank: Redis's clock), requested
        List<String> arguments = List.of(
                Long.toString(allowance.requests()), Long.toString(allowance.burst() * cost), "", Long.toString(cost));
        return redis.execute(TOKEN_BUCKET, keys, arguments)
                .next()
                .map(result -> result.get(0) == 1L
                        ? Decision.ALLOWED
                        : Decision.refused((double) (cost - result.get(1)) / allowance.requests()))
                .onErrorResume(error -> {
                    logFailure(error);
                    return Mono.just(Decision.ALLOWED);
                });
    }

    // Once per interval: during an outage every request fails the same way, and the log must stay readable.
    private void logFailure(Throwable error) {
        long now = System.nanoTime();
        long last = lastFailureLogged.get();
        if (now - last >= FAILURE_LOG_INTERVAL_NANOS && lastFailureLogged.compareAndSet(last, now)) {
            log.warn(
                    "Rate limits are not enforced: Redis failed ({}); letting requests through",
                    NestedExceptionUtils.getMostSpecificCause(error).toString());
        }
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
