package bookstore.user.keys;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.MutableClock;
import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.UserServiceIntegrationTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rotation as an operator does it: put a new key into the folder (a Secret update on Kubernetes),
 * let the service re-read it, and keep the old key until its tokens have expired.
 */
@UserServiceIntegrationTest
class KeyRotationIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKeys keys;

    @Autowired
    MutableClock clock;

    @Test
    void afterRotationNewTokensUseTheNewKeyAndOldTokensWorkUntilTheyExpire() throws Exception {
        ShopClient shop = new ShopClient(http);
        Tokens beforeRotation = shop.newCustomer();
        String oldKid = kidOf(beforeRotation.accessToken());

        String newKid = addKeyToTheFolder();
        keys.reload();

        Tokens afterRotation = shop.newCustomer();
        assertThat(kidOf(afterRotation.accessToken())).isEqualTo(newKid).isNotEqualTo(oldKid);
        assertThat(publishedKids()).contains(oldKid, newKid);
        shop.get("/api/users/me", beforeRotation.accessToken()).expectStatus().isOk();
        shop.get("/api/users/me", afterRotation.accessToken()).expectStatus().isOk();

        clock.advance(Duration.ofMinutes(16));

        shop.get("/api/users/me", beforeRotation.accessToken()).expectStatus().isUnauthorized();
        Tokens fresh = shop.newCustomer();
        assertThat(kidOf(fresh.accessToken())).isEqualTo(newKid);
        shop.get("/api/users/me", fresh.accessToken()).expectStatus().isOk();
    }

    @Test
    void aRetiredKeyRemovedFromTheFolderLeavesTheJwks() throws Exception {
        String retiring = addKeyToTheFolder();
        keys.reload();
        String successor = addKeyToTheFolder();
        keys.reload();
        assertThat(publishedKids()).contains(retiring, successor);

        Files.delete(keys.folder().resolve(retiring + ".pem"));
        keys.reload();

        assertThat(publishedKids()).contains(successor).doesNotContain(retiring);
    }

    @Test
    void theJwksIsPublicAndHoldsNoPrivateKeyMaterial() {
        String jwks = http.get()
                .uri("/api/auth/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(jwks).contains("\"kty\":\"RSA\"", "\"alg\":\"RS256\"", "\"use\":\"sig\"");
        assertThat(jwks).doesNotContain("\"d\":", "\"p\":", "\"q\":");
    }

    /** Like an operator with openssl: a new PKCS#8 key whose name sorts after the current ones. */
    private String addKeyToTheFolder() throws IOException {
        clock.advance(Duration.ofSeconds(2));
        return new KeyDirectory(keys.folder())
                .generate(Clock.offset(clock, Duration.ZERO))
                .getKeyID();
    }

    private List<String> publishedKids() throws Exception {
        String body = http.get()
                .uri("/api/auth/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JWKSet.parse(body).getKeys().stream().map(key -> key.getKeyID()).toList();
    }

    private static String kidOf(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getHeader().getKeyID();
    }
}
