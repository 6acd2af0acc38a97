package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code REDIS_URL} set: the buckets live in a real Redis, shared by every gateway replica. */
// Closed with its Redis: a cached context would keep reconnecting to a server that is gone for the rest of the run.
@DirtiesContext
class RedisRateLimitIntegrationTests extends RateLimitIntegrationTests {

    static final RedisServerProcess redis = RedisServerProcess.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registerServices(registry);
        registry.add("bookstore.gateway.rate-limits.redis-url", redis::url);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void refusesAClientWhoseBucketAnotherReplicaEmptied() throws IOException {
        String client = newClientAddress();
        browse(client).expectStatus().isOk();
        String tokens = "bookstore:rate-limit:{client:" + client + "}.tokens";
        assertThat(redis.command("EXISTS " + tokens)).isEqualTo(":1");

        // What another gateway replica leaves behind after this client spent its allowance there.
        assertThat(redis.command("SET " + tokens + " 0 KEEPTTL")).isEqualTo("+OK");

        expectTooManyRequests(browse(client), 10);
        assertThat(catalog.received()).hasSize(1);
    }

    @Test
    void letsRequestsThroughWhileRedisIsDownAndLimitsAgainOnceItIsBack() throws IOException {
        String client = newClientAddress();
        for (int request = 0; request < 6; request++) {
            browse(client).expectStatus().isOk();
        }
        expectTooManyRequests(browse(client), 10);

        redis.stop();
        try {
            // An outage of the rate limiter must not become an outage of the shop.
            browse(client).expectStatus().isOk();
            browse(newClientAddress()).expectStatus().isOk();
        } finally {
            redis.restart();
        }

        // The connection comes back by itself; until then requests are let through uncounted.
        String probe = newClientAddress();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    browse(probe).expectStatus().isOk();
                    return redis.command("EXISTS bookstore:rate-limit:{client:" + probe + "}.tokens")
                            .equals(":1");
                });
        String next = newClientAddress();
        for (int request = 0; request < 6; request++) {
            browse(next).expectStatus().isOk();
        }
        expectTooManyRequests(browse(next), 10);
    }
}
