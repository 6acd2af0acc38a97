package bookstore.gateway.security.ratelimit;

import bookstore.gateway.security.ratelimit.RateLimitProperties.Allowance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this gateway instance's memory: exact and fast, but each replica counts on its own, so with N
 * replicas a caller gets up to N times the allowance.
 */
final class InMemoryTokenBuckets implements TokenBuckets {

    private static final long SWEEP_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweep;

    InMemoryTokenBuckets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    @Override
    public Mono<Decision> take(String key, Allowance allowance) {
        long now = nanoTime.getAsLong();
        forgetIdleBuckets(now);
        return Mono.just(buckets.computeIfAbsent(key, newKey -> new Bucket(allowance, now))
                .take(now));
    }

    int size() {
        return buckets.size();
    }

    /**
     * A bucket that has filled up again holds nothing a new one would not, so it is dropped; otherwise every address
     * that ever called would stay in memory. Once a minute, on whichever request comes along.
     */
    private void forgetIdleBuckets(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
    }

    private static final class Bucket {

        private final Allowance allowance;
        private final double tokensPerNano;
        private double tokens;
        private long refilledAt;

        Bucket(Allowance allowance, long now) {
            this.allowance = allowance;
            this.tokensPerNano = allowance.requestsPerSecond() / 1e9;
            this.tokens = allowance.burst();
            this.refilledAt = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            return Decision.refused((1 - tokens) / allowance.requestsPerSecond());
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= allowance.burst();
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(allowance.burst(), tokens + (now - refilledAt) * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
