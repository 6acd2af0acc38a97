package bookstore.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.gateway.StubService.ReceivedRequest;
import bookstore.testsupport.StubIdentityProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * The edge's security through real HTTP: tokens checked against a real JWKS endpoint, the routes that are open and the
 * ones that are not, forged identity headers, CORS, body size, security headers and signing-key rotation.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "bookstore.gateway.cors.allowed-origins=https://shop.example",
            "bookstore.gateway.tokens.unknown-key-cooldown=1s",
            "bookstore.gateway.tokens.keys-max-age=3s",
            // These tests send many requests from one address; the limits have tests of their own.
            "bookstore.gateway.rate-limits.enabled=false"
        })
class EdgeSecurityIntegrationTests extends EveryServiceStubbed {

    static final StubIdentityProvider identity = StubIdentityProvider.start();

    static final String STOREFRONT = "https://shop.example";

    static final int ONE_MIB = 1024 * 1024;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("bookstore.gateway.tokens.jwks-uri", identity::jwksUri);
    }

    WebTestClient gateway;

    @BeforeEach
    void connect() {
        gateway = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stopIdentityProvider() {
        identity.close();
    }

    WebTestClient.ResponseSpec call(HttpMethod method, String path, String token) {
        WebTestClient.RequestBodySpec request = gateway.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange();
        }
        return request.exchange();
    }

    static Stream<Arguments> protectedRoutes() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/users/me"),
                Arguments.of(HttpMethod.POST, "/api/users/me/password"),
                Arguments.of(HttpMethod.POST, "/api/users/me/email"),
                Arguments.of(HttpMethod.POST, "/api/users/me/email-verification"),
                Arguments.of(HttpMethod.POST, "/api/users/me/close"),
                Arguments.of(HttpMethod.GET, "/api/users"),
                Arguments.of(HttpMethod.GET, "/api/notifications"),
                Arguments.of(HttpMethod.GET, "/api/orders"),
                Arguments.of(HttpMethod.POST, "/api/orders"),
                Arguments.of(HttpMethod.GET, "/api/cart"),
                Arguments.of(HttpMethod.PUT, "/api/cart/items/42"),
                Arguments.of(HttpMethod.GET, "/api/inventory/42"),
                Arguments.of(HttpMethod.GET, "/api/payments/pay-1"),
                Arguments.of(HttpMethod.POST, "/api/books"),
                Arguments.of(HttpMethod.DELETE, "/api/books/42"),
                Arguments.of(HttpMethod.GET, "/api/books/catalogue"),
                Arguments.of(HttpMethod.POST, "/api/books/42/reviews"),
                Arguments.of(HttpMethod.PUT, "/api/books/42/reviews/7"),
                Arguments.of(HttpMethod.DELETE, "/api/books/42/reviews/7"),
                Arguments.of(HttpMethod.POST, "/api/books/42/reviews/7/helpful"),
                Arguments.of(HttpMethod.GET, "/api/books/42/reviews/mine"),
                Arguments.of(HttpMethod.POST, "/api/books/42/reviews/7/hide"));
    }

    @Nested
    class AccessTokens {

        /** Tokens a forger, a careless client or time produces; each named for the test report. */
        static Stream<Arguments> invalidTokens() {
            Instant now = Instant.now();
            RSAKey unpublished = StubIdentityProvider.newKey("not-published");
            RSAKey impostor = new RSAKey.Builder(StubIdentityProvider.newKey("impostor"))
                    .keyID(identity.signingKey().getKeyID())
                    .build();
            return Stream.of(
                    Arguments.of("expired", identity.tokenWith(claims -> claims.issueTime(
                                    Date.from(now.minus(Duration.ofMinutes(17))))
                            .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))))),
                    Arguments.of("tampered", withRolesTamperedToAdmin(identity.customerToken())),
                    Arguments.of("wrong issuer", identity.tokenWith(claims -> claims.issuer("urn:someone:else"))),
                    Arguments.of("wrong audience", identity.tokenWith(claims -> claims.audience("urn:another:api"))),
                    Arguments.of("without subject", identity.tokenWith(claims -> claims.subject(null))),
                    Arguments.of("without expiry", identity.tokenWith(claims -> claims.expirationTime(null))),
                    Arguments.of("alg none", unsigned()),
                    Arguments.of("HS256 with the public key as secret", hmacSignedWithThePublicKey()),
                    Arguments.of(
                            "signed by an unpublished key",
                            StubIdentityProvider.signedBy(
                                    unpublished,
                                    StubIdentityProvider.validClaims(UUID.randomUUID(), "CUSTOMER")
                                            .build())),
                    Arguments.of(
                            "signed by another key under the published key's id",
                            StubIdentityProvider.signedBy(
                                    impostor,
                                    StubIdentityProvider.validClaims(UUID.randomUUID(), "ADMIN")
                                            .build())),
                    Arguments.of("not a JWT", "definitely-not-a-token"));
        }

        static Stream<Arguments> invalidTokensOnProtectedRoutes() {
            List<Arguments> routes = protectedRoutes().toList();
            return invalidTokens().flatMap(token -> routes.stream()
                    .map(route -> Arguments.of(token.get()[0], token.get()[1], route.get()[0], route.get()[1])));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("bookstore.gateway.EdgeSecurityIntegrationTests#protectedRoutes")
        void refusesARequestWithoutATokenOnEveryProtectedRoute(HttpMethod method, String path) {
            call(method, path, null)
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
                    .isEqualTo(401);

            assertThat(allReceived()).isEmpty();
        }

        @ParameterizedTest(name = "{0} token on {2} {3}")
        @MethodSource("invalidTokensOnProtectedRoutes")
        void refusesAnInvalidTokenOnEveryProtectedRoute(String kind, String token, HttpMethod method, String path) {
            call(method, path, token)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/invalid-token")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).doesNotContainIgnoringCase("issuer"));

            assertThat(allReceived()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidTokens")
        void refusesAnInvalidTokenEvenOnAPublicRoute(String kind, String token) {
            call(HttpMethod.GET, "/api/books/42", token).expectStatus().isUnauthorized();

            assertThat(catalog.received()).isEmpty();
        }

        @Test
        void passesAValidTokenOnToTheServiceUnchanged() {
            String token = identity.customerToken();

            call(HttpMethod.GET, "/api/orders", token).expectStatus().isOk();

            assertThat(orders.received().getFirst().headers().get(HttpHeaders.AUTHORIZATION))
                    .containsExactly("Bearer " + token);
        }

        @Test
        void toleratesASmallClockDifferenceWithTheSigner() {
            Instant now = Instant.now();
            String justExpired =
                    identity.tokenWith(claims -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
                            .expirationTime(Date.from(now.minusSeconds(5))));

            call(HttpMethod.GET, "/api/orders", justExpired).expectStatus().isOk();
        }

        private static String withRolesTamperedToAdmin(String token) {
            String[] parts = token.split("\\.");
            String claims = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
            String tampered = claims.replace("\"CUSTOMER\"", "\"ADMIN\"");
            assertThat(tampered).isNotEqualTo(claims);
            return parts[0] + "." + Base64URL.encode(tampered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        }

        private static String unsigned() {
            return new PlainJWT(StubIdentityProvider.validClaims(UUID.randomUUID(), "ADMIN")
                            .build())
                    .serialize();
        }

        private static String hmacSignedWithThePublicKey() {
            RSAKey key = identity.signingKey();
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    StubIdentityProvider.validClaims(UUID.randomUUID(), "ADMIN").build());
            try {
                token.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return token.serialize();
        }
    }

    @Nested
    class OpenAndClosedRoutes {

        static Stream<Arguments> publicRoutes() {
            return Stream.of(
                    Arguments.of(HttpMethod.GET, "/api/books", catalog),
                    Arguments.of(HttpMethod.GET, "/api/books?q=java&page=0", catalog),
                    Arguments.of(HttpMethod.GET, "/api/books/42", catalog),
                    Arguments.of(HttpMethod.GET, "/api/books/42/reviews?sort=helpful&page=1", catalog),
                    Arguments.of(HttpMethod.POST, "/api/users", users),
                    Arguments.of(HttpMethod.POST, "/api/auth/token", users),
                    Arguments.of(HttpMethod.POST, "/api/auth/refresh", users),
                    Arguments.of(HttpMethod.POST, "/api/auth/logout", users),
                    Arguments.of(HttpMethod.POST, "/api/auth/session", users),
                    Arguments.of(HttpMethod.POST, "/api/auth/session/refresh", users),
                    Arguments.of(HttpMethod.DELETE, "/api/auth/session", users),
                    Arguments.of(HttpMethod.GET, "/api/auth/jwks", users),
                    // A forgotten password and an address's verification: the mailed link's token is the proof.
                    Arguments.of(HttpMethod.POST, "/api/auth/password-reset", users),
                    Arguments.of(HttpMethod.POST, "/api/auth/password-reset/confirm", users),
                    Arguments.of(HttpMethod.POST, "/api/users/email-verification", users),
                    Arguments.of(HttpMethod.POST, "/api/payments/webhooks/sandbox", payments),
                    // The payment sandbox's page, its forms and its wallets' gateways.
                    Arguments.of(HttpMethod.GET, "/api/payments/sandbox/pay/alipay-7f3a", payments),
                    Arguments.of(HttpMethod.POST, "/api/payments/sandbox/pay/alipay-7f3a/approve", payments),
                    Arguments.of(HttpMethod.POST, "/api/payments/sandbox/pay/wechatpay-7f3a/decline", payments),
                    Arguments.of(HttpMethod.POST, "/api/payments/sandbox/alipay/gateway.do", payments),
                    Arguments.of(HttpMethod.POST, "/api/shipping/callbacks/kuaidi100", orders));
        }

        // The stubs are AutoCloseable: JUnit would close each one after the invocation that received it.
        @ParameterizedTest(name = "{0} {1}", autoCloseArguments = false)
        @MethodSource("publicRoutes")
        void letsAnonymousCallersThroughOnThePublicRoutes(HttpMethod method, String path, StubService owner) {
            call(method, path, null).expectStatus().isOk();

            assertThat(owner.received()).singleElement().satisfies(request -> assertThat(
                            request.headers().containsHeader(HttpHeaders.AUTHORIZATION))
                    .isFalse());
        }

        static Stream<Arguments> adminRoutes() {
            return Stream.of(
                    Arguments.of(HttpMethod.GET, "/api/inventory/42"),
                    Arguments.of(HttpMethod.POST, "/api/inventory/42/receipts"),
                    Arguments.of(HttpMethod.GET, "/api/users"),
                    Arguments.of(HttpMethod.GET, "/api/users/" + UUID.randomUUID()),
                    Arguments.of(HttpMethod.PUT, "/api/users/" + UUID.randomUUID() + "/roles"),
                    Arguments.of(HttpMethod.POST, "/api/users/" + UUID.randomUUID() + "/disable"),
                    Arguments.of(HttpMethod.POST, "/api/users/" + UUID.randomUUID() + "/enable"),
                    Arguments.of(HttpMethod.DELETE, "/api/users/" + UUID.randomUUID()),
                    // What was mailed to whom: notification-service's records.
                    Arguments.of(HttpMethod.GET, "/api/notifications"),
                    Arguments.of(HttpMethod.GET, "/api/notifications/" + UUID.randomUUID()),
                    Arguments.of(HttpMethod.POST, "/api/notifications/" + UUID.randomUUID() + "/retry"),
                    // Dead letters: what consumers gave up on, with the events' contents.
                    Arguments.of(HttpMethod.GET, "/api/dead-letters/order-service"),
                    Arguments.of(HttpMethod.GET, "/api/dead-letters/payment-service/payments.commands.v1.dlt/0/3"),
                    Arguments.of(
                            HttpMethod.POST,
                            "/api/dead-letters/catalog-service/orders.events.v1.dlt/1/9/redrive?dryRun=true"),
                    Arguments.of(HttpMethod.POST, "/api/books"),
                    Arguments.of(HttpMethod.PUT, "/api/books/42"),
                    Arguments.of(HttpMethod.PATCH, "/api/books/42"),
                    Arguments.of(HttpMethod.DELETE, "/api/books/42"),
                    // The whole catalogue, discontinued books included, though other GETs of /api/books are open.
                    Arguments.of(HttpMethod.GET, "/api/books/catalogue"),
                    Arguments.of(HttpMethod.GET, "/api/books/catalogue?status=DISCONTINUED&page=0&size=50"),
                    Arguments.of(HttpMethod.GET, "/api/books/catalogue/"),
                    // Hiding a review and showing it again; writing one is any signed-in customer's.
                    Arguments.of(HttpMethod.POST, "/api/books/42/reviews/7/hide"),
                    Arguments.of(HttpMethod.POST, "/api/books/42/reviews/7/unhide"));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("adminRoutes")
        void refusesACustomerOnAdminRoutesAtTheEdge(HttpMethod method, String path) {
            call(method, path, identity.customerToken())
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/forbidden");

            assertThat(allReceived()).isEmpty();
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("adminRoutes")
        void letsAnAdministratorThroughOnAdminRoutes(HttpMethod method, String path) {
            call(method, path, identity.adminToken()).expectStatus().isOk();

            assertThat(allReceived()).hasSize(1);
        }

        @Test
        void leavesWhatACustomerMayDoElsewhereToTheServices() {
            String customer = identity.customerToken();

            call(HttpMethod.GET, "/api/users/me", customer).expectStatus().isOk();
            call(HttpMethod.PATCH, "/api/users/me", customer).expectStatus().isOk();
            call(HttpMethod.POST, "/api/books/42/reviews", customer)
                    .expectStatus()
                    .isOk();
            call(HttpMethod.POST, "/api/orders/7/cancel", customer)
                    .expectStatus()
                    .isOk();

            assertThat(allReceived()).hasSize(4);
        }

        @Test
        void letsACustomerManageTheirOwnAccount() {
            String customer = identity.customerToken();

            for (String path : List.of(
                    "/api/users/me/password",
                    "/api/users/me/email",
                    "/api/users/me/email-verification",
                    "/api/users/me/close")) {
                call(HttpMethod.POST, path, customer).expectStatus().isOk();
            }

            assertThat(users.received()).hasSize(4);
        }

        @Test
        void leavesACustomersOwnReviewsToTheCatalogue() {
            String customer = identity.customerToken();

            call(HttpMethod.GET, "/api/books/42/reviews/mine", customer)
                    .expectStatus()
                    .isOk();
            call(HttpMethod.PUT, "/api/books/42/reviews/7", customer)
                    .expectStatus()
                    .isOk();
            call(HttpMethod.DELETE, "/api/books/42/reviews/7", customer)
                    .expectStatus()
                    .isOk();
            call(HttpMethod.POST, "/api/books/42/reviews/7/helpful", customer)
                    .expectStatus()
                    .isOk();

            assertThat(allReceived()).hasSize(4);
        }

        @Test
        void needsATokenForUnknownApiPathsAndAnswersNotFoundWithOne() {
            call(HttpMethod.GET, "/api/unknown", null).expectStatus().isUnauthorized();
            call(HttpMethod.GET, "/api/unknown", identity.customerToken())
                    .expectStatus()
                    .isNotFound();
        }
    }

    @Nested
    class BrowserSessions {

        static final String REFRESH_COOKIE = "bookstore_refresh=Zm9yLXRoZS1zZXNzaW9uLW9ubHk; Path=/api/auth/session; "
                + "Max-Age=1209600; HttpOnly; SameSite=Strict";

        static final String SIGNED_IN_COOKIE = "bookstore_signed_in=1; Path=/; Max-Age=1209600; SameSite=Strict";

        @Test
        void passesTheSessionCookieToUserServiceAndItsCookiesBackUnchanged() {
            // The stub answers with the Set-Cookie headers its query asks for.
            gateway.post()
                    .uri(
                            "/api/auth/session/refresh?set-cookie={refresh}&set-cookie={signedIn}",
                            REFRESH_COOKIE,
                            SIGNED_IN_COOKIE)
                    .header(HttpHeaders.COOKIE, "bookstore_refresh=cmVmcmVzaC1tZQ; bookstore_signed_in=1")
                    .header("X-Requested-With", "bookstore-storefront")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies)
                            .containsExactly(REFRESH_COOKIE, SIGNED_IN_COOKIE));

            HttpHeaders received = users.received().getFirst().headers();
            assertThat(received.get(HttpHeaders.COOKIE))
                    .containsExactly("bookstore_refresh=cmVmcmVzaC1tZQ; bookstore_signed_in=1");
            assertThat(received.getFirst("X-Requested-With")).isEqualTo("bookstore-storefront");
        }

        @Test
        void refusesSessionRequestsFromAnyOtherOriginBeforeTheyReachUserService() {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.DELETE)) {
                gateway.method(method)
                        .uri(method == HttpMethod.POST ? "/api/auth/session/refresh" : "/api/auth/session")
                        .header(HttpHeaders.ORIGIN, "https://evil.example")
                        .header(HttpHeaders.COOKIE, "bookstore_refresh=cmVmcmVzaC1tZQ")
                        .header("X-Requested-With", "bookstore-storefront")
                        .exchange()
                        .expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            }

            assertThat(allReceived()).isEmpty();
        }
    }

    @Nested
    class IdentityHeaders {

        static final List<String> FORGED = List.of(
                "X-User-Id",
                "X-User-Roles",
                "X-User",
                "X-Roles",
                "X-Role",
                "X-Authenticated-User",
                "X-Authenticated-Userid",
                "X-Auth-Request-User",
                "X-Auth-Request-Email",
                "X-Forwarded-User",
                "X-Forwarded-Email",
                "X-Forwarded-Groups",
                "X-Remote-User",
                "Remote-User",
                "X-Principal",
                "X-Consumer-Username",
                "X-Userinfo",
                "X-Jwt-Payload",
                "X-Amzn-Oidc-Identity",
                "X-Goog-Authenticated-User-Email",
                "X-Ms-Client-Principal-Name",
                "X-Client-Cert");

        @Test
        void neverPassesForgedIdentityHeadersToAService() {
            String token = identity.customerToken();
            WebTestClient.RequestHeadersSpec<?> request = gateway.get()
                    .uri("/api/orders")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header("X-Request-Id", "kept-1");
            FORGED.forEach(name -> request.header(name, "admin"));

            request.exchange().expectStatus().isOk();

            HttpHeaders received = orders.received().getFirst().headers();
            assertThat(received.headerNames())
                    .noneMatch(name -> FORGED.stream().anyMatch(forged -> forged.equalsIgnoreCase(name)));
            assertThat(received.get(HttpHeaders.AUTHORIZATION)).containsExactly("Bearer " + token);
            assertThat(received.getFirst("X-Request-Id")).isEqualTo("kept-1");
        }

        @Test
        void dropsForgedIdentityHeadersOnPublicRoutesToo() {
            gateway.post()
                    .uri("/api/auth/token")
                    .header("X-User-Id", UUID.randomUUID().toString())
                    .header("X-Roles", "ADMIN")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isOk();

            HttpHeaders received = users.received().getFirst().headers();
            assertThat(received.containsHeader("X-User-Id")).isFalse();
            assertThat(received.containsHeader("X-Roles")).isFalse();
        }
    }

    @Nested
    class CrossOrigin {

        @Test
        void answersAPreflightFromTheStorefrontWithoutBotheringAService() {
            gateway.options()
                    .uri("/api/orders")
                    .header(HttpHeaders.ORIGIN, STOREFRONT)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, STOREFRONT)
                    .expectHeader()
                    .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                            .contains("POST"))
                    .expectHeader()
                    .value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(
                                    headers.toLowerCase(Locale.ROOT))
                            .contains("authorization", "content-type", "idempotency-key"))
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                    // Bearer tokens, no cookies: a browser is never told to send credentials along.
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

            assertThat(allReceived()).isEmpty();
        }

        @Test
        void letsTheStorefrontReadAnswersAndTheHeadersItNeeds() {
            gateway.get()
                    .uri("/api/books/42")
                    .header(HttpHeaders.ORIGIN, STOREFRONT)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, STOREFRONT)
                    .expectHeader()
                    .value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                            .contains("Retry-After", "X-Request-Id", "Location"))
                    .expectHeader()
                    .value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"));
        }

        @Test
        void letsTheStorefrontReadARefusal() {
            gateway.get()
                    .uri("/api/orders")
                    .header(HttpHeaders.ORIGIN, STOREFRONT)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, STOREFRONT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void refusesAPreflightFromAnyOtherOrigin() {
            gateway.options()
                    .uri("/api/orders")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/cross-origin-refused");

            assertThat(allReceived()).isEmpty();
        }

        @Test
        void refusesRequestsFromAnyOtherOriginBeforeTheyReachAService() {
            for (String origin : List.of("https://evil.example", "https://shop.example.evil.example", "null")) {
                gateway.post()
                        .uri("/api/auth/token")
                        .header(HttpHeaders.ORIGIN, origin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchange()
                        .expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            }

            assertThat(allReceived()).isEmpty();
        }

        @Test
        void treatsRequestsFromTheGatewaysOwnOriginAsSameOrigin() {
            gateway.get()
                    .uri("/api/books/42")
                    .header(HttpHeaders.ORIGIN, "http://localhost:" + port)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    class RequestSize {

        @Test
        void refusesABodyDeclaredLargerThanTheLimitBeforeItReachesAService() {
            gateway.post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new byte[ONE_MIB + 1])
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://bookstore.example/problems/content-too-large");

            assertThat(allReceived()).isEmpty();
        }

        @Test
        void acceptsABodyOfExactlyTheLimit() {
            byte[] body = new byte[ONE_MIB];
            Arrays.fill(body, (byte) 'a');

            gateway.post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(users.received().getFirst().body()).hasSize(ONE_MIB);
        }

        @Test
        void letsStaffImportAFileLargerThanAFormWhenItsLengthIsDeclared() {
            byte[] file = new byte[3 * ONE_MIB];
            Arrays.fill(file, (byte) 'a');

            gateway.post()
                    .uri("/api/analytics/imports")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .bodyValue(file)
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(analytics.received().getFirst().body()).hasSize(3 * ONE_MIB);

            // Any other route keeps the ordinary limit, and so does an import whose length is not declared.
            gateway.post()
                    .uri("/api/analytics/sales")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .bodyValue(file)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            gateway.post()
                    .uri("/api/analytics/imports")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + identity.adminToken())
                    .contentType(MediaType.parseMediaType("text/csv"))
                    .body(BodyInserters.fromDataBuffers(chunks(17, 64 * 1024)))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(analytics.received()).hasSize(1);
        }

        @Test
        void refusesAChunkedBodyThatGrowsPastTheLimitWithoutForwardingAnyOfIt() {
            gateway.post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(BodyInserters.fromDataBuffers(chunks(17, 64 * 1024)))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

            assertThat(allReceived()).isEmpty();
        }

        @Test
        void forwardsAChunkedBodyWithinTheLimitWhole() {
            gateway.post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(BodyInserters.fromDataBuffers(chunks(3, 1000)))
                    .exchange()
                    .expectStatus()
                    .isOk();

            ReceivedRequest received = users.received().getFirst();
            assertThat(received.body()).hasSize(3000).matches("a+");
            assertThat(received.headers().getFirst(HttpHeaders.CONTENT_LENGTH)).isEqualTo("3000");
        }

        @Test
        void refusesAnOverlongRequestLine() throws IOException {
            RawHttp.Response response = RawHttp.get(port, "/api/books?q=" + "a".repeat(9 * 1024));

            assertThat(response.status()).isEqualTo(414);
            assertThat(allReceived()).isEmpty();
        }

        @Test
        void refusesOverlongHeaders() throws IOException {
            RawHttp.Response response =
                    RawHttp.get(port, "/api/books/42", "X-Padding: " + "a".repeat(17 * 1024) + "\r\n");

            assertThat(response.status()).isEqualTo(431);
            assertThat(allReceived()).isEmpty();
        }

        private static Flux<DataBuffer> chunks(int count, int size) {
            return Flux.range(0, count).map(chunk -> {
                byte[] bytes = new byte[size];
                Arrays.fill(bytes, (byte) 'a');
                return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
            });
        }
    }

    @Nested
    class SecurityHeaders {

        @Test
        void protectsAServicesAnswer() {
            expectSecurityHeaders(
                    gateway.get().uri("/api/books/42").exchange().expectStatus().isOk());
        }

        @Test
        void protectsTheGatewaysOwnRefusals() {
            expectSecurityHeaders(
                    call(HttpMethod.GET, "/api/orders", null).expectStatus().isUnauthorized());
            expectSecurityHeaders(call(HttpMethod.GET, "/api/unknown", identity.customerToken())
                    .expectStatus()
                    .isNotFound());
            expectSecurityHeaders(gateway.post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new byte[ONE_MIB + 1])
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        }

        @Test
        void protectsTheFirewallsRefusals() throws IOException {
            RawHttp.Response response = RawHttp.get(port, "/api/books/%2e%2e/actuator/health");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        }

        @Test
        void leavesAServicesProblemDetailIntact() {
            expectSecurityHeaders(call(HttpMethod.GET, "/api/inventory/42/problem", identity.adminToken())
                            .expectStatus()
                            .isEqualTo(HttpStatus.CONFLICT)
                            .expectHeader()
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .expectBody(String.class)
                    .isEqualTo(StubService.PROBLEM_BODY);
        }

        @Test
        void keepsTheSandboxPayPagesOwnPolicySoItsStyleApplies() {
            String pagePolicy = "default-src 'none'; style-src 'sha256-abc='; form-action 'self'; frame-ancestors"
                    + " 'none'; base-uri 'none'";
            gateway.get()
                    .uri(builder -> builder.path("/api/payments/sandbox/pay/alipay-7f3a")
                            .queryParam("content-security-policy", "{policy}")
                            .queryParam("referrer-policy", "same-origin")
                            .build(pagePolicy))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", pagePolicy)
                    // Under no-referrer a browser would post the page's forms with "Origin: null", refused below.
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "same-origin")
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff");

            // The page's forms post from the shop's own origin, which is no cross-origin request.
            gateway.post()
                    .uri("/api/payments/sandbox/pay/alipay-7f3a/approve")
                    .header(HttpHeaders.ORIGIN, "http://localhost:" + port)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .exchange()
                    .expectStatus()
                    .isOk();
            gateway.post()
                    .uri("/api/payments/sandbox/pay/alipay-7f3a/approve")
                    .header(HttpHeaders.ORIGIN, "null")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void demandsHttpsOnlyFromClientsThatCameOverTls() {
            gateway.get().uri("/api/books/42").exchange().expectHeader().doesNotExist("Strict-Transport-Security");

            // The test client connects from localhost, one of the trusted proxies, which says TLS ended there.
            gateway.get()
                    .uri("/api/books/42")
                    .header("X-Forwarded-Proto", "https")
                    .exchange()
                    .expectHeader()
                    .valueEquals("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }

        private WebTestClient.ResponseSpec expectSecurityHeaders(WebTestClient.ResponseSpec response) {
            return response.expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader()
                    .value("Content-Security-Policy", policy -> assertThat(policy)
                            .contains("default-src 'none'")
                            .contains("frame-ancestors 'none'"))
                    .expectHeader()
                    .value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
        }
    }

    @Nested
    class SigningKeys {

        @Test
        void acceptsTokensOfANewlyPublishedKeyWithoutARestartAndStillThoseOfTheOldOne() {
            String signedWithTheOldKey = identity.customerToken();
            call(HttpMethod.GET, "/api/orders", signedWithTheOldKey)
                    .expectStatus()
                    .isOk();

            identity.rotate("rotated-" + UUID.randomUUID());
            String signedWithTheNewKey = identity.customerToken();

            // At most one cooldown (1 s here) after the last download of the keys.
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> call(HttpMethod.GET, "/api/orders", signedWithTheNewKey)
                            .expectStatus()
                            .isOk());
            call(HttpMethod.GET, "/api/orders", signedWithTheOldKey)
                    .expectStatus()
                    .isOk();
        }

        @Test
        void stopsAcceptingTokensOfAKeyTheIdentityServiceWithdrew() {
            RSAKey withdrawn = identity.rotate("to-be-withdrawn-" + UUID.randomUUID());
            String token = identity.customerToken();
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> call(HttpMethod.GET, "/api/orders", token)
                            .expectStatus()
                            .isOk());

            identity.rotate("successor-" + UUID.randomUUID());
            identity.withdraw(withdrawn);

            // Once the kept keys are older than their maximum age (3 s here) they are downloaded again.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> call(HttpMethod.GET, "/api/orders", token)
                            .expectStatus()
                            .isUnauthorized());
        }

        @Test
        void doesNotDownloadTheKeysForEveryTokenThatNamesAnUnknownOne() {
            RSAKey forger = StubIdentityProvider.newKey("forger");
            call(HttpMethod.GET, "/api/orders", identity.customerToken())
                    .expectStatus()
                    .isOk();
            int downloadsBefore = identity.downloads();
            long started = System.nanoTime();

            int forgeries = 30;
            for (int attempt = 0; attempt < forgeries; attempt++) {
                RSAKey madeUp =
                        new RSAKey.Builder(forger).keyID("made-up-" + attempt).build();
                String forged = StubIdentityProvider.signedBy(
                        madeUp,
                        StubIdentityProvider.validClaims(UUID.randomUUID(), "ADMIN")
                                .build());
                call(HttpMethod.GET, "/api/orders", forged).expectStatus().isUnauthorized();
            }

            long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            // One download per cooldown (1 s) at most, plus the routine ones every maximum age (3 s).
            assertThat(identity.downloads() - downloadsBefore)
                    .isLessThanOrEqualTo((int) (2 + (elapsedSeconds + 1) + (elapsedSeconds / 3 + 1)))
                    .isLessThan(forgeries);
        }
    }
}
