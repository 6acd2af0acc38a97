package bookstore.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PublishedKeysTests {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final Duration COOLDOWN = Duration.ofSeconds(10);

    static RSAKey first;
    static RSAKey second;

    final List<JWK> published = new CopyOnWriteArrayList<>();
    final AtomicInteger downloads = new AtomicInteger();
    volatile boolean unreachable;
    final MovableClock clock = new MovableClock();

    final PublishedKeys keys = new PublishedKeys(
            URI.create("http://identity.test/api/auth/jwks"),
            Mono.fromCallable(() -> {
                downloads.incrementAndGet();
                if (unreachable) {
                    throw new ConnectException("Connection refused");
                }
                return new JWKSet(List.copyOf(published)).toString(true);
            }),
            MAX_AGE,
            COOLDOWN,
            clock);

    @BeforeAll
    static void generateKeys() throws JOSEException {
        first = new RSAKeyGenerator(2048).keyID("first").generate();
        second = new RSAKeyGenerator(2048).keyID("second").generate();
    }

    @Test
    void downloadsTheKeysOnceAndKeepsThem() {
        published.add(first);

        assertThat(keyIdsFor("first")).containsExactly("first");
        assertThat(keyIdsFor("first")).containsExactly("first");
        assertThat(downloads).hasValue(1);
    }

    @Test
    void downloadsAgainForAnUnknownKeyButNotSoonerThanTheCooldownAllows() {
        published.add(first);
        assertThat(keyIdsFor("first")).containsExactly("first");
        published.add(second);

        assertThat(keyIdsFor("second")).isEmpty();
        assertThat(keyIdsFor("made-up")).isEmpty();
        assertThat(downloads).hasValue(1);

        clock.advance(COOLDOWN);
        assertThat(keyIdsFor("second")).containsExactly("second");
        assertThat(keyIdsFor("made-up")).isEmpty();
        assertThat(keyIdsFor("another-made-up")).isEmpty();
        assertThat(downloads).hasValue(2);
    }

    @Test
    void downloadsAgainAfterTheMaximumAgeSoAWithdrawnKeyStopsVerifying() {
        published.add(first);
        published.add(second);
        assertThat(keyIdsFor("first")).containsExactly("first");
        published.remove(first);

        clock.advance(MAX_AGE.minusSeconds(1));
        assertThat(keyIdsFor("first")).containsExactly("first");

        clock.advance(Duration.ofSeconds(1));
        assertThat(keyIdsFor("first")).isEmpty();
        assertThat(keyIdsFor("second")).containsExactly("second");
    }

    @Test
    void keepsTheKnownKeysWhileTheyCannotBeDownloaded() {
        published.add(first);
        assertThat(keyIdsFor("first")).containsExactly("first");
        unreachable = true;

        clock.advance(MAX_AGE);
        assertThat(keyIdsFor("first")).containsExactly("first");
        assertThat(downloads).hasValue(2);
    }

    @Test
    void reportsTheKeysUnavailableUntilTheFirstDownloadSucceeds() {
        published.add(first);
        unreachable = true;

        StepVerifier.create(keys.matching(headerNaming("first")))
                .expectError(SigningKeysUnavailableException.class)
                .verify();

        unreachable = false;
        assertThat(keyIdsFor("first")).containsExactly("first");
    }

    private List<String> keyIdsFor(String kid) {
        return keys.matching(headerNaming(kid)).map(JWK::getKeyID).collectList().block();
    }

    private static JWSHeader headerNaming(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2025-07-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
