package bookstore.user;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Talks to the service as one client machine would: every request comes from the same made-up
 * address (through the trusted local "proxy"), so login throttling in one test does not reach
 * another.
 */
public final class ShopClient {

    public static final String PASSWORD = "a long and rare passphrase";

    public final WebTestClient http;

    public ShopClient(WebTestClient http) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.http = http.mutate()
                .defaultHeader("X-Forwarded-For", "203.0." + random.nextInt(0, 255) + "." + random.nextInt(1, 255))
                .build();
    }

    public static String newEmail() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    public Registered register(String email) {
        return register(email, "Reader");
    }

    public Registered register(String email, String displayName) {
        return register(Map.of("email", email, "password", PASSWORD, "displayName", displayName));
    }

    /** Registers a customer who speaks {@code language}. */
    public Registered register(String email, String displayName, String language) {
        return register(Map.of("email", email, "password", PASSWORD, "displayName", displayName, "language", language));
    }

    private Registered register(Map<String, String> body) {
        return http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Registered.class)
                .returnResult()
                .getResponseBody();
    }

    public WebTestClient.ResponseSpec logIn(String email, String password) {
        return http.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    public Tokens tokensFor(String email, String password) {
        return logIn(email, password)
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();
    }

    /** Registers a new customer and logs them in. */
    public Tokens newCustomer() {
        String email = newEmail();
        register(email);
        return tokensFor(email, PASSWORD);
    }

    public WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }

    /** A JSON POST, with the access token if one is given. */
    public WebTestClient.ResponseSpec post(String path, String accessToken, Object body) {
        return http.post()
                .uri(path)
                .headers(h -> {
                    if (accessToken != null) {
                        h.setBearerAuth(accessToken);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec get(String path, String accessToken) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(accessToken)).exchange();
    }

    /** Expects a problem response of this status and kind (the last part of its {@code type}). */
    public static void expectProblem(WebTestClient.ResponseSpec response, int status, String kind) {
        response.expectStatus()
                .isEqualTo(status)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/" + kind);
    }

    /** The account id an access token names. */
    public static String subjectOf(Tokens tokens) {
        try {
            return SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Registered(
            UUID id,
            String email,
            boolean emailVerified,
            String pendingEmail,
            String displayName,
            String language,
            String status,
            List<String> roles,
            List<Map<String, String>> addresses,
            Instant createdAt) {}

    public record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken) {}
}
