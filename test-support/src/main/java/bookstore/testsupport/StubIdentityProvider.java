package bookstore.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real JWKS endpoint standing in for user-service's, and the tokens its keys sign (for services and the gateway
 * tested without user-service): RS256 JWTs with the claims of the
 * shop's token contract. Keys can be rotated in and withdrawn while the gateway runs, and downloads of the key set
 * are counted.
 */
public final class StubIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "urn:bookstore:identity";
    public static final String AUDIENCE = "urn:bookstore:api";
    public static final String JWKS_PATH = "/api/auth/jwks";

    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final DisposableServer server;
    private volatile RSAKey signingKey;

    private StubIdentityProvider() {
        this.signingKey = newKey("key-1");
        published.add(signingKey);
        this.server = HttpServer.create()
                .host("localhost")
                .port(0)
                .route(routes -> routes.get(JWKS_PATH, (request, response) -> {
                    downloads.incrementAndGet();
                    String jwks = new JWKSet(List.<JWK>copyOf(published)).toString(true);
                    return response.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                            .sendString(Mono.just(jwks));
                }))
                .bindNow();
    }

    public static StubIdentityProvider start() {
        return new StubIdentityProvider();
    }

    public String jwksUri() {
        return "http://localhost:" + server.port() + JWKS_PATH;
    }

    public int downloads() {
        return downloads.get();
    }

    public String customerToken() {
        return tokenFor(UUID.randomUUID(), "CUSTOMER");
    }

    public String adminToken() {
        return tokenFor(UUID.randomUUID(), "ADMIN", "CUSTOMER");
    }

    public String tokenFor(UUID user, String... roles) {
        return signedBy(signingKey, validClaims(user, roles).build());
    }

    /** A token of a customer whose claims are changed as given, signed by the current key. */
    public String tokenWith(UnaryOperator<JWTClaimsSet.Builder> changes) {
        return signedBy(
                signingKey,
                changes.apply(validClaims(UUID.randomUUID(), "CUSTOMER")).build());
    }

    public static JWTClaimsSet.Builder validClaims(UUID user, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(user.toString())
                .claim("roles", List.of(roles))
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    public static String signedBy(RSAKey key, JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** Publishes a new key and signs with it from now on, keeping the old one published, as user-service rotates. */
    public RSAKey rotate(String kid) {
        RSAKey next = newKey(kid);
        published.add(next);
        signingKey = next;
        return next;
    }

    public void withdraw(RSAKey key) {
        published.removeIf(candidate -> candidate.getKeyID().equals(key.getKeyID()));
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
