package bookstore.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.MutableClock;
import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.UserServiceIntegrationTest;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@UserServiceIntegrationTest
class TokensIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    MutableClock clock;

    ShopClient shop;

    @BeforeEach
    void newClient() {
        shop = new ShopClient(http);
    }

    @Test
    void loginAnswersWithABearerAccessTokenAndARefreshToken() {
        Tokens tokens = shop.newCustomer();

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(900);
        assertThat(tokens.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
        shop.get("/api/users/me", tokens.accessToken()).expectStatus().isOk();
    }

    @Test
    void tokenResponsesAreNeverCached() {
        String email = ShopClient.newEmail();
        shop.register(email);

        shop.logIn(email, ShopClient.PASSWORD)
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
    }

    @Test
    void theAccessTokenCarriesTheAgreedClaims() throws Exception {
        String email = ShopClient.newEmail();
        String id = shop.register(email).id().toString();

        SignedJWT jwt =
                SignedJWT.parse(shop.tokensFor(email, ShopClient.PASSWORD).accessToken());

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(id);
        assertThat(claims.getIssuer()).isEqualTo("urn:bookstore:identity");
        assertThat(claims.getAudience()).containsExactly("urn:bookstore:api");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getJWTID()).isNotBlank();
        Date issued = claims.getIssueTime();
        assertThat(Duration.between(
                        issued.toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getClaims()).doesNotContainKeys("email", "password", "displayName");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = ShopClient.newEmail();
        shop.register(email);

        String wrongPassword = problemType(shop.logIn(email, "not the passphrase at all"));
        String unknownEmail = problemType(shop.logIn(ShopClient.newEmail(), ShopClient.PASSWORD));

        assertThat(wrongPassword)
                .isEqualTo(unknownEmail)
                .isEqualTo("https://bookstore.example/problems/invalid-credentials");
    }

    @Test
    void loginIgnoresTheCaseOfTheEmailAddress() {
        String email = ShopClient.newEmail();
        shop.register(email);

        shop.logIn(email.toUpperCase(), ShopClient.PASSWORD).expectStatus().isOk();
    }

    @Test
    void refreshingRotatesTheRefreshTokenAndKeepsTheUser() throws Exception {
        Tokens first = shop.newCustomer();

        Tokens second = refreshed(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(SignedJWT.parse(second.accessToken()).getJWTClaimsSet().getSubject())
                .isEqualTo(
                        SignedJWT.parse(first.accessToken()).getJWTClaimsSet().getSubject());
        shop.get("/api/users/me", second.accessToken()).expectStatus().isOk();
    }

    @Test
    void reusingARefreshTokenRevokesItsWholeFamily() {
        Tokens login = shop.newCustomer();
        Tokens rotated = refreshed(login.refreshToken());

        // A thief replays the token the owner already exchanged.
        shop.refresh(login.refreshToken())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/invalid-refresh-token");

        // Now neither the thief nor the owner can go on with this session.
        shop.refresh(rotated.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void reuseRevokesOnlyThatSessionNotTheUsersOthers() {
        String email = ShopClient.newEmail();
        shop.register(email);
        Tokens phone = shop.tokensFor(email, ShopClient.PASSWORD);
        Tokens laptop = shop.tokensFor(email, ShopClient.PASSWORD);
        refreshed(phone.refreshToken());

        shop.refresh(phone.refreshToken()).expectStatus().isUnauthorized();

        shop.refresh(laptop.refreshToken()).expectStatus().isOk();
    }

    @Test
    void aLoggedOutRefreshTokenCannotMintAccessTokens() {
        Tokens tokens = shop.newCustomer();

        shop.http
                .post()
                .uri("/api/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.refreshToken()))
                .exchange()
                .expectStatus()
                .isNoContent();

        shop.refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void loggingOutAnUnknownTokenRevealsNothing() {
        shop.http
                .post()
                .uri("/api/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", "no-such-token"))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void aMadeUpRefreshTokenIsRefused() {
        shop.refresh("made-up-" + System.nanoTime()).expectStatus().isUnauthorized();
    }

    @Test
    void anUnusedRefreshTokenExpires() {
        Tokens tokens = shop.newCustomer();

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        shop.refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void anAccessTokenStopsWorkingWhenItExpires() {
        Tokens tokens = shop.newCustomer();
        shop.get("/api/users/me", tokens.accessToken()).expectStatus().isOk();

        clock.advance(Duration.ofMinutes(16));

        shop.get("/api/users/me", tokens.accessToken())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noResponseCarriesSomeoneElsesRefreshToken() {
        Tokens ann = shop.newCustomer();
        Tokens bob = shop.newCustomer();

        String annProfile = shop.get("/api/users/me", ann.accessToken())
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(annProfile).doesNotContain(bob.refreshToken(), ann.refreshToken(), "refresh", "argon2");
        assertThat(List.of(ann.refreshToken())).doesNotContain(bob.refreshToken());
    }

    private Tokens refreshed(String refreshToken) {
        return shop.refresh(refreshToken)
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();
    }

    private static String problemType(WebTestClient.ResponseSpec response) {
        return response.expectStatus()
                .isUnauthorized()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("type")
                .toString();
    }
}
