package bookstore.gateway.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.gateway.security.ratelimit.RateLimitProperties.Allowance;
import bookstore.gateway.security.ratelimit.TokenBuckets.Decision;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryTokenBucketsTests {

    final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(nanoTime::get);

    final Allowance tenPerSecondBurstThree = new Allowance(10, Duration.ofSeconds(1), 3);
    final Allowance sixPerMinuteBurstTwo = new Allowance(6, Duration.ofMinutes(1), 2);

    @Test
    void allowsABurstThenRefuses() {
        for (int request = 0; request < 3; request++) {
            assertThat(take("client:a", tenPerSecondBurstThree).allowed()).isTrue();
        }

        assertThat(take("client:a", tenPerSecondBurstThree).allowed()).isFalse();
    }

    @Test
    void refillsAtTheAllowedRate() {
        drain("client:a", tenPerSecondBurstThree);

        advance(Duration.ofMillis(99));
        assertThat(take("client:a", tenPerSecondBurstThree).allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(take("client:a", tenPerSecondBurstThree).allowed()).isTrue();
        assertThat(take("client:a", tenPerSecondBurstThree).allowed()).isFalse();
    }

    @Test
    void neverRefillsBeyondTheBurst() {
        drain("client:a", tenPerSecondBurstThree);
        advance(Duration.ofHours(1));

        assertThat(drain("client:a", tenPerSecondBurstThree)).isEqualTo(3);
    }

    @Test
    void tellsWhenTheNextTokenComesInWholeSeconds() {
        drain("password-checks:a", sixPerMinuteBurstTwo);

        assertThat(take("password-checks:a", sixPerMinuteBurstTwo).retryAfter()).isEqualTo(Duration.ofSeconds(10));
        advance(Duration.ofMillis(9_500));
        assertThat(take("password-checks:a", sixPerMinuteBurstTwo).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void keepsASeparateBucketPerKey() {
        drain("client:a", tenPerSecondBurstThree);

        assertThat(take("client:b", tenPerSecondBurstThree).allowed()).isTrue();
    }

    @Test
    void forgetsBucketsThatHaveFilledUpAgainButNotTheOthers() {
        Allowance onePerTenMinutesBurstTwo = new Allowance(1, Duration.ofMinutes(10), 2);
        drain("client:a", tenPerSecondBurstThree);
        drain("user:b", onePerTenMinutesBurstTwo);

        advance(Duration.ofMinutes(1));
        take("client:c", tenPerSecondBurstThree);

        // a refilled within 300 ms and was dropped; b has a tenth of a token back and is kept; c was just used.
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(take("user:b", onePerTenMinutesBurstTwo).allowed()).isFalse();
    }

    private Decision take(String key, Allowance allowance) {
        return buckets.take(key, allowance).block();
    }

    private int drain(String key, Allowance allowance) {
        int allowed = 0;
        while (take(key, allowance).allowed()) {
            allowed++;
        }
        return allowed;
    }

    private void advance(Duration duration) {
        nanoTime.addAndGet(duration.toNanos());
    }
}
