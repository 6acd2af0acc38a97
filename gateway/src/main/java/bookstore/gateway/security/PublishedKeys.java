package bookstore.gateway.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The public keys user-service publishes at its JWKS endpoint, downloaded once and kept.
 *
 * <p>A token naming a key that is not among them means user-service has rotated to a new key, so the keys are
 * downloaded again — but not sooner than {@code unknownKeyCooldown} after the last download: otherwise every forged
 * token with a made-up {@code kid} would become a request to user-service. After {@code maxAge} they are downloaded
 * again anyway, so a key user-service withdrew stops verifying tokens. When a download fails, the keys known so far
 * stay in use; only while none were ever known are tokens impossible to check.
 */
final class PublishedKeys {

    private static final Logger log = LoggerFactory.getLogger(PublishedKeys.class);

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(5);

    private final URI jwksUri;
    private final Mono<JWKSet> download;
    private final Duration maxAge;
    private final Duration unknownKeyCooldown;
    private final Clock clock;
    private final AtomicReference<JWKSet> lastDownloaded = new AtomicReference<>();
    private final AtomicReference<Generation> current;

    /** One download of the keys, shared by every request that needs them while it is in flight or afterwards. */
    private record Generation(Mono<JWKSet> keys, Instant downloadedAt) {}

    PublishedKeys(URI jwksUri, Mono<String> jwks, Duration maxAge, Duration unknownKeyCooldown, Clock clock) {
        this.jwksUri = jwksUri;
        this.download = jwks.map(PublishedKeys::parse);
        this.maxAge = maxAge;
        this.unknownKeyCooldown = unknownKeyCooldown;
        this.clock = clock;
        this.current = new AtomicReference<>(new Generation(Mono.empty(), Instant.EPOCH));
    }

    static PublishedKeys at(URI jwksUri, Duration maxAge, Duration unknownKeyCooldown, Clock clock) {
        WebClient client = WebClient.builder()
                .clientConnector(
                        new ReactorClientHttpConnector(HttpClient.create().responseTimeout(DOWNLOAD_TIMEOUT)))
                .build();
        Mono<String> jwks = client.get()
                .uri(jwksUri)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(DOWNLOAD_TIMEOUT);
        return new PublishedKeys(jwksUri, jwks, maxAge, unknownKeyCooldown, clock);
    }

    /** The published keys that may have signed a token with this header. */
    Flux<JWK> matching(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Generation generation = unexpired();
        return generation.keys().flatMapMany(keys -> {
            List<JWK> found = selector.select(keys);
            if (found.isEmpty() && namesAnUnknownKey(header, keys) && isOlderThan(generation, unknownKeyCooldown)) {
                return renew(generation).keys().flatMapIterable(selector::select);
            }
            return Flux.fromIterable(found);
        });
    }

    private Generation unexpired() {
        Generation generation = current.get();
        return isOlderThan(generation, maxAge) ? renew(generation) : generation;
    }

    /** Starts a new download, unless another request has just done so; either way returns the newest generation. */
    private Generation renew(Generation stale) {
        Mono<JWKSet> keys = download.doOnNext(lastDownloaded::set)
                .onErrorResume(this::keysKnownSoFar)
                // Kept once there; a failure with nothing to fall back on is not kept, the next request tries again.
                .cache(downloaded -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO);
        Generation next = new Generation(keys, clock.instant());
        return current.compareAndSet(stale, next) ? next : current.get();
    }

    private Mono<JWKSet> keysKnownSoFar(Throwable failure) {
        JWKSet known = lastDownloaded.get();
        if (known != null) {
            log.warn(
                    "Cannot download the token signing keys from {}, using the ones known: {}",
                    jwksUri,
                    failure.toString());
            return Mono.just(known);
        }
        return Mono.error(
                new SigningKeysUnavailableException("Cannot download the token signing keys from " + jwksUri, failure));
    }

    private boolean isOlderThan(Generation generation, Duration age) {
        return !generation.downloadedAt().plus(age).isAfter(clock.instant());
    }

    private static boolean namesAnUnknownKey(JWSHeader header, JWKSet keys) {
        return header.getKeyID() != null && keys.getKeyByKeyId(header.getKeyID()) == null;
    }

    private static JWKSet parse(String jwks) {
        try {
            return JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw new IllegalStateException("The JWKS endpoint answered with something other than a JWK set", e);
        }
    }
}
