package bookstore.platform.security;

import bookstore.platform.security.fixture.ShelfApplication;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
        classes = ShelfApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,info,prometheus,env")
// Generous: the first request fetches the JWKS, and CI machines can be busy.
@AutoConfigureWebTestClient(timeout = "30s")
class ResourceServerIntegrationTests {

    static final JwksServer jwks = new JwksServer();
    static final RSAKey signingKey = Tokens.newKey("key-1");

    static {
        jwks.publish(signingKey);
    }

    @DynamicPropertySource
    static void trustTheTestJwks(DynamicPropertyRegistry registry) {
        registry.add("bookstore.security.jwks-uri", jwks::uri);
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    @Autowired
    WebTestClient http;

    final UUID customer = UUID.randomUUID();

    @Test
    void validTokenReachesTheApiAndNamesTheCaller() {
        String token = Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER"));

        get("/api/shelf/mine", token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(customer.toString())
                .jsonPath("$.roles[0]")
                .isEqualTo("CUSTOMER");
    }

    @Test
    void requestWithoutTokenIsRefusedWithABearerChallengeAndAProblem() {
        http.get()
                .uri("/api/shelf/mine")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/unauthenticated")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/api/shelf/mine");
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER"));

        assertInvalidToken(Tokens.tampered(token));
    }

    @Test
    void expiredTokenIsRefused() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));

        assertInvalidToken(Tokens.signed(
                signingKey, Tokens.claims(customer, "CUSTOMER"), claims -> claims.issueTime(Date.from(longAgo))
                        .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15))))));
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertInvalidToken(
                Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER"), claims -> claims.expirationTime(null)));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertInvalidToken(Tokens.signed(
                signingKey, Tokens.claims(customer, "CUSTOMER"), claims -> claims.issuer("https://evil.example")));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertInvalidToken(Tokens.signed(
                signingKey, Tokens.claims(customer, "CUSTOMER"), claims -> claims.audience("urn:other:api")));
    }

    @Test
    void unsignedTokenIsRefused() {
        assertInvalidToken(Tokens.unsigned(Tokens.claims(customer, "ADMIN")));
    }

    @Test
    void hmacTokenSignedWithThePublicKeyIsRefused() {
        assertInvalidToken(Tokens.hmacSignedWithPublicKey(signingKey, Tokens.claims(customer, "ADMIN")));
    }

    @Test
    void tokenSignedByAnUnpublishedKeyIsRefused() {
        RSAKey impostor = Tokens.newKey(signingKey.getKeyID());

        assertInvalidToken(Tokens.signed(impostor, Tokens.claims(customer, "ADMIN")));
    }

    @Test
    void tokenSignedWithANewlyPublishedKeyIsAcceptedWithoutRestart() {
        get("/api/shelf/mine", Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER")))
                .expectStatus()
                .isOk();
        RSAKey rotated = Tokens.newKey("key-rotated-" + UUID.randomUUID());
        jwks.publish(rotated);

        get("/api/shelf/mine", Tokens.signed(rotated, Tokens.claims(customer, "CUSTOMER")))
                .expectStatus()
                .isOk();
        get("/api/shelf/mine", Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER")))
                .expectStatus()
                .isOk();
    }

    @Test
    void customerIsForbiddenWhereAServiceRuleDemandsAdmin() {
        get("/api/shelf/admin/stock", Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER")))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/forbidden");
    }

    @Test
    void adminPassesAServiceRuleThatDemandsAdmin() {
        get("/api/shelf/admin/stock", Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER", "ADMIN")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.books")
                .isEqualTo(42);
    }

    @Test
    void methodSecurityForbidsCustomersWithAProblem() {
        get("/api/shelf/audit", Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER")))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/forbidden");
        get("/api/shelf/audit", Tokens.signed(signingKey, Tokens.claims(customer, "ADMIN")))
                .expectStatus()
                .isOk();
    }

    @Test
    void publicRuleOfTheServiceNeedsNoToken() {
        http.get().uri("/api/shelf/public").exchange().expectStatus().isOk();
    }

    @Test
    void healthAndMetricsAreOpenToProbesAndScrapers() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void otherActuatorEndpointsAreClosedEvenToAdmins() {
        http.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        get("/actuator/env", Tokens.signed(signingKey, Tokens.claims(customer, "ADMIN")))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void pathsOutsideTheApiAreLeftToTheirHandlers() {
        http.get().uri("/internal/version").exchange().expectStatus().isOk();
        http.get().uri("/no-such-page").exchange().expectStatus().isNotFound();
    }

    @Test
    void responsesCarrySecurityHeadersAndAreNotCached() {
        get("/api/shelf/mine", Tokens.signed(signingKey, Tokens.claims(customer, "CUSTOMER")))
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void assertInvalidToken(String token) {
        get("/api/shelf/mine", token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/invalid-token")
                // The same words whatever failed: a forger learns nothing about which check caught them.
                .jsonPath("$.detail")
                .isEqualTo("The access token is not valid: it may be expired, altered or issued for someone else.");
    }
}
