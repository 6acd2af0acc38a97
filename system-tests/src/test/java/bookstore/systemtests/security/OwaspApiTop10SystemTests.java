package bookstore.systemtests.security;

import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.launcher.Service;
import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Books.Stock;
import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

/**
 * The OWASP API Security Top 10 (2023), tried against the running shop through the gateway, as an attacker on the
 * internet would: one nested class per risk that applies to the shop. (API6 business flows, API7 SSRF, API9 inventory
 * management and API10 unsafe consumption of third-party APIs have no attack surface a customer can reach here.)
 */
@SystemTest
@DisplayName("OWASP API Security Top 10 (2023)")
class OwaspApiTop10SystemTests {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_TYPES = "https://bookstore.example/problems/";

    private final Shop shop;

    OwaspApiTop10SystemTests(Shop shop) {
        this.shop = shop;
    }

    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    @DisplayName("API1:2023 Broken Object Level Authorization")
    class Api1BrokenObjectLevelAuthorization {

        private String book;
        private Customer owner;
        private Customer intruder;
        private String ownersOrder;
        private String ownersPayment;
        private String intrudersOrder;

        /** Two customers, each with a paid order of their own. */
        @BeforeAll
        void twoCustomersWithAConfirmedOrderEach() {
            book = Books.addOrderable(shop, "The Private Order", 2_400, 20);
            owner = shop.newCustomer();
            intruder = shop.newCustomer();
            ownersOrder = Orders.place(owner, book, 1, VISA)
                    .expect(202)
                    .json()
                    .get("id")
                    .asString();
            intrudersOrder = Orders.place(intruder, book, 2, VISA)
                    .expect(202)
                    .json()
                    .get("id")
                    .asString();
            Orders.awaitStatus(owner, ownersOrder, "CONFIRMED");
            Orders.awaitStatus(intruder, intrudersOrder, "CONFIRMED");
            ownersPayment = await("payment of order " + ownersOrder)
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> owner.get("/api/payments?orderId=" + ownersOrder)
                                    .expect(200)
                                    .json()
                                    .get("items"),
                            items -> items.size() == 1)
                    .get(0)
                    .get("id")
                    .asString();
        }

        @Test
        void anotherCustomersOrderAnswersExactlyAsAnOrderThatDoesNotExist() {
            Response someoneElses = intruder.get("/api/orders/" + ownersOrder);
            Response missing = intruder.get("/api/orders/" + UUID.randomUUID());

            assertThat(someoneElses.status()).as(someoneElses.toString()).isIn(403, 404);
            assertThat(someoneElses.status()).isEqualTo(missing.status());
            assertThat(someoneElses.json().path("type"))
                    .isEqualTo(missing.json().path("type"));
            assertThat(someoneElses.body()).doesNotContain(owner.id(), owner.email(), "Grand View Garden");
            assertThat(owner.get("/api/orders/" + ownersOrder).status()).isEqualTo(200);
        }

        @Test
        void anotherCustomersOrderCannotBeCancelled() {
            Response cancel = intruder.post("/api/orders/" + ownersOrder + "/cancel", null);

            assertThat(cancel.status()).as(cancel.toString()).isIn(403, 404);
            JsonNode order = owner.get("/api/orders/" + ownersOrder).expect(200).json();
            assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(payment(owner, ownersPayment).get("status").asString()).isEqualTo("SUCCEEDED");
        }

        @Test
        void anotherCustomersPaymentAnswersExactlyAsAPaymentThatDoesNotExist() {
            Response someoneElses = intruder.get("/api/payments/" + ownersPayment);
            Response missing = intruder.get("/api/payments/" + UUID.randomUUID());

            assertThat(someoneElses.status()).as(someoneElses.toString()).isIn(403, 404);
            assertThat(someoneElses.status()).isEqualTo(missing.status());
            assertThat(someoneElses.json().path("type"))
                    .isEqualTo(missing.json().path("type"));
            assertThat(someoneElses.body()).doesNotContain(ownersOrder, owner.id());
            assertThat(intruder.get("/api/payments?orderId=" + ownersOrder)
                            .expect(200)
                            .json()
                            .get("total")
                            .asLong())
                    .as("payments of someone else's order")
                    .isZero();
        }

        @Test
        void listsOfOrdersAndPaymentsShowOnlyTheCallersOwn() {
            assertThat(ids(intruder.get("/api/orders?size=100"), "id")).containsExactly(intrudersOrder);
            assertThat(ids(owner.get("/api/orders?size=100"), "id")).containsExactly(ownersOrder);
            assertThat(ids(intruder.get("/api/payments?size=100"), "orderId")).containsExactly(intrudersOrder);
            assertThat(ids(owner.get("/api/payments?size=100"), "orderId")).containsExactly(ownersOrder);
        }

        @Test
        void eachCustomerReachesOnlyTheirOwnCart() {
            owner.put("/api/cart/items/" + book, Map.of("quantity", 3)).expect(200);

            assertThat(intruder.get("/api/cart").expect(200).json().get("items"))
                    .as("the intruder's cart")
                    .isEmpty();
            intruder.put("/api/cart/items/" + book, Map.of("quantity", 1)).expect(200);
            intruder.delete("/api/cart/items/" + book).expect(200);

            JsonNode ownersCart = owner.get("/api/cart").expect(200).json();
            assertThat(ownersCart.get("items")).hasSize(1);
            assertThat(ownersCart.get("items").get(0).get("quantity").asInt()).isEqualTo(3);
        }

        @Test
        void anotherCustomersProfileCanNeitherBeReadNorChanged() {
            Response read = intruder.get("/api/users/" + owner.id());
            Response changed = intruder.patch("/api/users/" + owner.id(), Map.of("displayName", "Hijacked"));

            assertThat(read.status()).as(read.toString()).isIn(403, 404);
            assertThat(changed.status()).as(changed.toString()).isIn(403, 404, 405);
            assertThat(read.body()).doesNotContain(owner.email());
            JsonNode ownersProfile = owner.get("/api/users/me").expect(200).json();
            assertThat(ownersProfile.get("displayName").asString()).isEqualTo("A Reader");
            assertThat(intruder.get("/api/users/me")
                            .expect(200)
                            .json()
                            .get("id")
                            .asString())
                    .isEqualTo(intruder.id());
        }
    }

    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    @DisplayName("API2:2023 Broken Authentication")
    class Api2BrokenAuthentication {

        /** One route of each service and the admin-only ones; every one of them answers 200 to a valid admin token. */
        private static final List<String> PROTECTED_ROUTES = List.of(
                "/api/orders", "/api/cart", "/api/users/me", "/api/payments", "/api/inventory/low-stock", "/api/users");

        private Client attacker;
        private RSAKey shopsKey;
        private JWTClaimsSet adminClaims;
        private String customerToken;

        /**
         * The shop's real signing key (the one that signed a fresh login's token), read from user-service's key
         * folder: every forged token below is signed with it, so a refusal can only come from the one claim changed.
         */
        @BeforeAll
        void theShopsRealSigningKey() {
            attacker = shop.client();
            String adminToken = shop.admin().accessToken();
            adminClaims = Tokens.claimsOf(adminToken);
            shopsKey = new SigningKeyFolder(shop.signingKeys()).key(Tokens.kidOf(adminToken));
            customerToken = shop.newCustomer().accessToken();
        }

        @Test
        void aTokenSignedWithTheShopsKeyAndValidClaimsIsAcceptedOnEveryRoute() {
            String genuine = forged(claims -> claims);

            SoftAssertions softly = new SoftAssertions();
            for (String route : PROTECTED_ROUTES) {
                Response response = attacker.withToken(genuine).get(route);
                softly.assertThat(response.status()).as(response.toString()).isEqualTo(200);
            }
            softly.assertAll();
        }

        @Test
        void aRequestWithoutATokenIsRefused() {
            assertRefusedOnEveryProtectedRoute(null, "unauthenticated");
        }

        @Test
        void anExpiredTokenIsRefused() {
            Instant now = Instant.now();
            assertRefusedOnEveryProtectedRoute(
                    forged(claims -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                            .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))),
                    "invalid-token");
        }

        @Test
        void aTokenWhosePayloadWasChangedAfterSigningIsRefused() {
            String[] parts = customerToken.split("\\.");
            String claims = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
            String promoted = claims.replace("\"CUSTOMER\"", "\"ADMIN\",\"CUSTOMER\"");
            assertThat(promoted).isNotEqualTo(claims);
            String tampered =
                    parts[0] + "." + Base64URL.encode(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

            assertThat(attacker.withToken(customerToken).get("/api/users/me").status())
                    .as("the untouched token")
                    .isEqualTo(200);
            assertRefusedOnEveryProtectedRoute(tampered, "invalid-token");
        }

        @Test
        void aTokenFromAnotherIssuerIsRefused() {
            assertRefusedOnEveryProtectedRoute(forged(claims -> claims.issuer("urn:someone:else")), "invalid-token");
        }

        @Test
        void aTokenForAnotherAudienceIsRefused() {
            assertRefusedOnEveryProtectedRoute(forged(claims -> claims.audience("urn:another:api")), "invalid-token");
        }

        @Test
        void anUnsignedTokenWithAlgNoneIsRefused() {
            String unsigned = new PlainJWT(Tokens.reissued(adminClaims).build()).serialize();
            assertThat(unsigned).endsWith(".");

            assertRefusedOnEveryProtectedRoute(unsigned, "invalid-token");
        }

        @Test
        void anHs256TokenSignedWithThePublishedPublicKeyIsRefused() throws Exception {
            RSAPublicKey published = JWKSet.parse(
                            attacker.get("/api/auth/jwks").expect(200).body())
                    .getKeyByKeyId(shopsKey.getKeyID())
                    .toRSAKey()
                    .toRSAPublicKey();
            byte[] der = published.getEncoded();
            byte[] pem = ("-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(der)
                            + "\n-----END PUBLIC KEY-----\n")
                    .getBytes(StandardCharsets.US_ASCII);

            assertRefusedOnEveryProtectedRoute(hmacSigned(der), "invalid-token");
            assertRefusedOnEveryProtectedRoute(hmacSigned(pem), "invalid-token");
        }

        @Test
        void aTokenSignedByAnotherKeyUnderTheShopsKeyIdIsRefused() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey impostor = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(shopsKey.getKeyID())
                    .build();

            assertRefusedOnEveryProtectedRoute(
                    Tokens.signed(impostor, Tokens.reissued(adminClaims).build()), "invalid-token");
        }

        /** The admin's claims, reissued, changed as given, and signed with the shop's real key. */
        private String forged(UnaryOperator<JWTClaimsSet.Builder> change) {
            return Tokens.signed(
                    shopsKey, change.apply(Tokens.reissued(adminClaims)).build());
        }

        private String hmacSigned(byte[] secret) throws JOSEException {
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(shopsKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    Tokens.reissued(adminClaims).build());
            token.sign(new MACSigner(secret));
            return token.serialize();
        }

        private void assertRefusedOnEveryProtectedRoute(String token, String problemType) {
            SoftAssertions softly = new SoftAssertions();
            for (String route : PROTECTED_ROUTES) {
                Response response = attacker.withToken(token).get(route);
                softly.assertThat(response.status()).as(response.toString()).isEqualTo(401);
                softly.assertThat(response.header("WWW-Authenticate"))
                        .as("challenge of " + route)
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
                softly.assertThat(response.header("Content-Type"))
                        .as("content type of " + route)
                        .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
                softly.assertThat(response.body()).as("body of " + route).contains(PROBLEM_TYPES + problemType);
            }
            softly.assertAll();
        }
    }

    @Nested
    @DisplayName("API3:2023 Broken Object Property Level Authorization")
    class Api3BrokenObjectPropertyLevelAuthorization {

        @Test
        void registeringCannotChooseRolesOrTheAccountId() {
            Client client = shop.client();
            String chosenId = UUID.randomUUID().toString();
            for (Map.Entry<String, Object> serverOwned : Map.<String, Object>of(
                            "roles", List.of("ADMIN"), "id", chosenId)
                    .entrySet()) {
                String email = "chooser-" + UUID.randomUUID() + "@system-tests.example";
                Map<String, Object> registration = new LinkedHashMap<>(
                        Map.of("email", email, "password", Shop.PASSWORD, "displayName", "Chooser"));
                registration.put(serverOwned.getKey(), serverOwned.getValue());

                Response registered = client.post("/api/users", registration);

                assertThat(registered.status())
                        .as("registering with " + serverOwned.getKey() + ": " + registered)
                        .isIn(201, 400);
                Response login = logIn(client, email);
                if (registered.status() == 400) {
                    assertThat(login.status())
                            .as("the refused account exists: " + login)
                            .isEqualTo(401);
                } else {
                    assertThat(registered.json().get("id").asString()).isNotEqualTo(chosenId);
                    assertThat(strings(registered.json().get("roles"))).containsExactly("CUSTOMER");
                    String token = login.expect(200).json().get("accessToken").asString();
                    assertThat(Tokens.rolesOf(token)).containsExactly("CUSTOMER");
                }
            }
        }

        @Test
        void aCustomerCannotPatchTheirRolesIdOrEmail() {
            Customer customer = shop.newCustomer();
            Map<String, Object> attempts = Map.of(
                    "roles", List.of("ADMIN", "CUSTOMER"),
                    "id", UUID.randomUUID().toString(),
                    "email", "someone-else-" + UUID.randomUUID() + "@system-tests.example");

            attempts.forEach((field, value) -> {
                Response patched = customer.patch("/api/users/me", Map.of(field, value));
                assertThat(patched.status())
                        .as("patching " + field + ": " + patched)
                        .isIn(200, 400);
            });

            JsonNode me = customer.get("/api/users/me").expect(200).json();
            assertThat(me.get("id").asString()).isEqualTo(customer.id());
            assertThat(me.get("email").asString()).isEqualTo(customer.email());
            assertThat(strings(me.get("roles"))).containsExactly("CUSTOMER");
            String freshToken = logIn(shop.client(), customer.email())
                    .expect(200)
                    .json()
                    .get("accessToken")
                    .asString();
            assertThat(Tokens.rolesOf(freshToken)).containsExactly("CUSTOMER");
            assertThat(customer.client().withToken(freshToken).get("/api/users").status())
                    .isEqualTo(403);
        }

        @Test
        void pricesTotalsAndStatusInAnOrderAreRefusedOrIgnored() {
            long price = 3_300;
            String book = Books.addOrderable(shop, "The Price Is Not Yours", price, 20);
            Customer customer = shop.newCustomer();
            Map<String, Object> cheap = Map.of("amount", 1, "currency", "CNY");
            List<UnaryOperator<Map<String, Object>>> attempts = List.of(
                    checkout -> withItemField(checkout, "unitPrice", cheap),
                    checkout -> withItemField(checkout, "price", 1),
                    checkout -> with(checkout, "total", cheap),
                    checkout -> with(checkout, "price", cheap),
                    checkout -> with(checkout, "status", "CONFIRMED"));

            int accepted = 0;
            for (UnaryOperator<Map<String, Object>> attempt : attempts) {
                Map<String, Object> checkout = attempt.apply(Orders.checkout(book, 2, VISA));
                Response placed =
                        Orders.place(customer, checkout, UUID.randomUUID().toString());

                assertThat(placed.status()).as(placed.toString()).isIn(202, 400);
                if (placed.status() == 202) {
                    accepted++;
                    assertThat(placed.json().get("status").asString()).isEqualTo("PENDING");
                    assertThat(placed.json().get("total").get("amount").asLong())
                            .isEqualTo(2 * price);
                }
            }

            JsonNode orders = customer.get("/api/orders?size=100").expect(200).json();
            assertThat(orders.get("total").asLong()).isEqualTo(accepted);
            for (JsonNode order : orders.get("items")) {
                assertThat(order.get("total").get("amount").asLong()).isEqualTo(2 * price);
                assertThat(order.get("items")
                                .get(0)
                                .get("unitPrice")
                                .get("amount")
                                .asLong())
                        .isEqualTo(price);
            }
        }

        @Test
        void aBookWithServerOwnedFieldsIsRefusedAndNothingIsCreated() {
            Map<String, Object> book = Books.book("The Self-Made Bestseller", List.of("Test Author"), 4_000, 3);
            Map<String, Object> serverOwned = Map.of(
                    "id", "000000000000000000000001",
                    "rating", 5,
                    "createdAt", "2001-01-01T00:00:00Z");

            serverOwned.forEach((field, value) -> {
                Map<String, Object> claiming = new LinkedHashMap<>(book);
                claiming.put(field, value);
                Response refused = shop.admin().post("/api/books", claiming);
                assertProblem(refused, 400);
                assertThat(refused.body()).contains(field);
            });

            JsonNode added = Books.add(shop, book);
            assertThat(added.get("id").asString()).isNotEqualTo(serverOwned.get("id"));
            assertThat(added.get("createdAt").asString()).doesNotStartWith("2001");
        }

        @Test
        void noResponseCarriesAPasswordHashOrSomeoneElsesRefreshToken() {
            Client client = shop.client();
            String email = "secretive-" + UUID.randomUUID() + "@system-tests.example";
            Response registration = client.post(
                            "/api/users", Map.of("email", email, "password", Shop.PASSWORD, "displayName", "Quiet"))
                    .expect(201);
            Response login = logIn(client, email).expect(200);
            String refreshToken = login.json().get("refreshToken").asString();
            Customer customer = shop.newCustomer();
            Customer admin = shop.admin();
            String customersId = registration.json().get("id").asString();

            List<Response> responses = List.of(
                    registration,
                    client.withToken(login.json().get("accessToken").asString())
                            .get("/api/users/me")
                            .expect(200),
                    customer.patch("/api/users/me", Map.of("displayName", "Renamed"))
                            .expect(200),
                    admin.get("/api/users/" + customersId).expect(200),
                    admin.get("/api/users?size=100").expect(200));

            assertThat(fieldNames(login.json()))
                    .containsExactlyInAnyOrder("accessToken", "tokenType", "expiresIn", "refreshToken");
            for (Response response : responses) {
                assertThat(fieldNames(response.json()))
                        .as("fields of " + response.request())
                        .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("password")
                                || name.toLowerCase(Locale.ROOT).contains("hash")
                                || name.toLowerCase(Locale.ROOT).contains("refresh")
                                || name.toLowerCase(Locale.ROOT).contains("secret"));
                assertThat(response.body())
                        .as(response.request())
                        .doesNotContain("$argon2", Shop.PASSWORD, refreshToken, customer.refreshToken())
                        .doesNotContain(admin.refreshToken());
            }
        }

        private static Map<String, Object> with(Map<String, Object> checkout, String field, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(checkout);
            changed.put(field, value);
            return changed;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> withItemField(Map<String, Object> checkout, String field, Object value) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Object item : (List<Object>) checkout.get("items")) {
                Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) item);
                changed.put(field, value);
                items.add(changed);
            }
            return with(checkout, "items", items);
        }
    }

    @Nested
    @DisplayName("API4:2023 Unrestricted Resource Consumption")
    class Api4UnrestrictedResourceConsumption {

        private static final int ONE_MIB = 1024 * 1024;

        @Test
        void aBodyOverOneMebibyteIsRefusedWith413AndChangesNothing() {
            Customer customer = shop.newCustomer();
            String book = Books.addOrderable(shop, "The Heavy Parcel", 1_000, 5);
            String hugeName = "{\"displayName\":\"" + "x".repeat(ONE_MIB) + "\"}";
            Map<String, Object> hugeCheckout = new LinkedHashMap<>(Orders.checkout(book, 1, VISA));
            hugeCheckout.put("paymentMethod", "pm_" + "x".repeat(ONE_MIB));

            Response profile = customer.send(
                    "PATCH", "/api/users/me", hugeName, Map.of("Content-Type", "application/merge-patch+json"));
            Response order =
                    Orders.place(customer, hugeCheckout, UUID.randomUUID().toString());
            Response anonymous = shop.client().post("/api/users", hugeName);

            assertProblem(profile, 413, "content-too-large");
            assertProblem(order, 413, "content-too-large");
            assertProblem(anonymous, 413, "content-too-large");
            assertThat(customer.get("/api/users/me")
                            .expect(200)
                            .json()
                            .get("displayName")
                            .asString())
                    .isEqualTo("A Reader");
            assertThat(customer.get("/api/orders")
                            .expect(200)
                            .json()
                            .get("total")
                            .asLong())
                    .isZero();
        }

        @Test
        void pagesOfMoreThanAHundredItemsAreRefused() {
            Customer customer = shop.newCustomer();
            Client visitor = shop.client();

            assertProblem(visitor.get("/api/books?size=1000"), 400);
            assertProblem(customer.get("/api/orders?size=1000"), 400);
            assertProblem(customer.get("/api/payments?size=1000"), 400);
            assertProblem(shop.admin().get("/api/users?size=1000"), 400);
            assertThat(visitor.get("/api/books?size=100").status())
                    .as("the largest page")
                    .isEqualTo(200);
            assertThat(customer.get("/api/orders?size=100").status())
                    .as("the largest page")
                    .isEqualTo(200);
        }

        @Test
        void aBurstFromOneClientIsCutOffWith429AndRetryAfterWhileOtherClientsAreServed() throws Exception {
            Client flooder = shop.client().withoutRetries();
            Client bystander = shop.client();

            // An API path the gateway answers itself (401: no token), so the burst measures the limit, not a service.
            List<Response> answers = burst(flooder, "/api/orders");

            List<Response> refused =
                    answers.stream().filter(answer -> answer.status() == 429).toList();
            assertThat(refused).as("429s among %d requests", answers.size()).isNotEmpty();
            assertThat(answers).extracting(Response::status).containsOnly(401, 429);
            assertThat(answers.stream().filter(answer -> answer.status() == 401))
                    .as("requests served: at least the burst of 200")
                    .hasSizeGreaterThanOrEqualTo(200);
            Response first = refused.getFirst();
            assertProblem(first, 429, "too-many-requests");
            assertThat(first.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                    .isPositive());
            assertThat(bystander.get("/api/books?size=1").status())
                    .as("another client during the burst")
                    .isEqualTo(200);
            await("the flooder served again")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> flooder.get("/api/books?size=1").status() == 200);
        }

        /** Batches of 100 concurrent requests until one is refused, at most 3,000 in all. */
        private static List<Response> burst(Client client, String path)
                throws InterruptedException, ExecutionException {
            List<Response> answers = new ArrayList<>();
            List<Callable<Response>> batch = Collections.nCopies(100, () -> client.get(path));
            ExecutorService senders = Executors.newFixedThreadPool(16);
            try {
                while (answers.size() < 3_000 && answers.stream().noneMatch(answer -> answer.status() == 429)) {
                    for (Future<Response> answer : senders.invokeAll(batch)) {
                        answers.add(answer.get());
                    }
                }
            } finally {
                senders.shutdownNow();
            }
            return answers;
        }
    }

    @Nested
    @TestInstance(Lifecycle.PER_CLASS)
    @DisplayName("API5:2023 Broken Function Level Authorization")
    class Api5BrokenFunctionLevelAuthorization {

        private String book;
        private Customer customer;
        private String order;

        @BeforeAll
        void aCustomerWithAConfirmedOrder() {
            book = Books.addOrderable(shop, "The Admin's Desk", 2_000, 10);
            customer = shop.newCustomer();
            order = Orders.place(customer, book, 1, VISA)
                    .expect(202)
                    .json()
                    .get("id")
                    .asString();
            Orders.awaitStatus(customer, order, "CONFIRMED");
        }

        @Test
        void aCustomerCannotAddABook() {
            Map<String, Object> newBook = Books.book("The Unauthorised Edition", List.of("Test Author"), 1_000, 1);

            assertForbidden(customer.post("/api/books", newBook));

            assertThat(Books.add(shop, newBook).get("isbn").asString())
                    .as("the ISBN is still free, so nothing was created")
                    .isEqualTo(newBook.get("isbn"));
        }

        @Test
        void aCustomerCannotChangeOrDiscontinueABook() {
            JsonNode before =
                    shop.client().get("/api/books/" + book).expect(200).json();
            Map<String, Object> replacement = Books.book("The Defaced Title", List.of("Test Author"), 1, 1);
            replacement.remove("initialStock");
            Map<String, String> ifMatch =
                    Map.of("If-Match", "\"" + before.get("version").asLong() + "\"");

            assertForbidden(customer.send("PUT", "/api/books/" + book, replacement, ifMatch));
            assertForbidden(customer.send(
                    "PATCH",
                    "/api/books/" + book,
                    Map.of("title", "The Defaced Title"),
                    Map.of("If-Match", ifMatch.get("If-Match"), "Content-Type", "application/merge-patch+json")));
            assertForbidden(customer.send("DELETE", "/api/books/" + book, null, ifMatch));

            JsonNode after = shop.client().get("/api/books/" + book).expect(200).json();
            assertThat(after.get("title").asString()).isEqualTo("The Admin's Desk");
            assertThat(after.get("status").asString())
                    .isEqualTo(before.get("status").asString());
            assertThat(after.get("version").asLong())
                    .isEqualTo(before.get("version").asLong());
        }

        @Test
        void aCustomerCannotReceiveStock() {
            Stock before = Books.stock(shop, book);

            assertForbidden(customer.post("/api/inventory/" + book + "/receipts", Map.of("quantity", 500)));
            assertForbidden(customer.get("/api/inventory/" + book));

            assertThat(Books.stock(shop, book)).isEqualTo(before);
        }

        @Test
        void aCustomerCannotListUsersOrGrantThemselvesTheAdminRole() {
            assertForbidden(customer.get("/api/users"));
            assertForbidden(customer.put(
                    "/api/users/" + customer.id() + "/roles", Map.of("roles", List.of("ADMIN", "CUSTOMER"))));

            assertThat(strings(customer.get("/api/users/me").expect(200).json().get("roles")))
                    .containsExactly("CUSTOMER");
            String freshToken = logIn(shop.client(), customer.email())
                    .expect(200)
                    .json()
                    .get("accessToken")
                    .asString();
            assertThat(Tokens.rolesOf(freshToken)).containsExactly("CUSTOMER");
        }

        @Test
        void aCustomerCannotShipOrDeliverTheirOwnOrder() {
            assertForbidden(customer.post(
                    "/api/orders/" + order + "/ship", Map.of("carrier", "Self", "trackingNumber", "FAKE-1")));
            assertForbidden(customer.post("/api/orders/" + order + "/deliver", null));

            JsonNode after = customer.get("/api/orders/" + order).expect(200).json();
            assertThat(after.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(after.get("shipment").isNull()).as("shipment").isTrue();
        }

        private static void assertForbidden(Response response) {
            assertProblem(response, 403);
        }
    }

    @Nested
    @DisplayName("API8:2023 Security Misconfiguration")
    class Api8SecurityMisconfiguration {

        private static final List<String> ACTUATOR_PATHS = List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/env",
                "/actuator/configprops",
                "/actuator/prometheus",
                "/actuator/heapdump",
                "/actuator/loggers",
                "/actuator/gateway/routes",
                "/api/actuator/env");

        @Test
        void noActuatorEndpointIsReachableThroughTheGatewayEvenForAnAdmin() {
            Client visitor = shop.client();
            Customer admin = shop.admin();

            SoftAssertions softly = new SoftAssertions();
            for (String path : ACTUATOR_PATHS) {
                for (Response response : List.of(visitor.get(path), admin.get(path))) {
                    softly.assertThat(response.status()).as(response.toString()).isIn(401, 404);
                    softly.assertThat(response.body()).as(path).doesNotContain("\"UP\"", "jvm_", "propertySources");
                }
            }
            softly.assertAll();
            assertProblem(visitor.get("/actuator/env"), 404, "not-found");
        }

        @Test
        void pathTricksCannotReachAServicesActuator() {
            Client visitor = shop.client();
            List<String> tricks = List.of(
                    "/api/books/..%2F..%2Factuator%2Fenv",
                    "/api/books/%2e%2e/%2e%2e/actuator/env",
                    "/api/books;/../../actuator/env",
                    "/api/books/%252e%252e/actuator/env");

            SoftAssertions softly = new SoftAssertions();
            for (String trick : tricks) {
                Response response = visitor.send("GET", trick, null, Map.of());
                softly.assertThat(response.status()).as(response.toString()).isIn(400, 404);
                softly.assertThat(response.body()).as(trick).doesNotContain("propertySources", "activeProfiles");
            }
            softly.assertAll();
        }

        @Test
        void theGatewaysOwnHealthAnswersOnItsManagementPortOnly() throws IOException, InterruptedException {
            URI management = URI.create("http://localhost:" + shop.managementPort(Service.GATEWAY));

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(management.resolve("/actuator/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(shop.client().get("/actuator/health").status()).isEqualTo(404);
        }

        @Test
        void everyKindOfResponseCarriesTheSecurityHeaders() {
            Customer customer = shop.newCustomer();
            Client visitor = shop.client();
            List<Response> responses = List.of(
                    visitor.get("/api/books?size=1").expect(200),
                    customer.get("/api/users/me").expect(200),
                    visitor.get("/api/books/" + UUID.randomUUID()),
                    visitor.get("/no-such-page").expect(404),
                    visitor.get("/api/orders").expect(401),
                    customer.get("/api/users").expect(403),
                    visitor.send("GET", "/api/books;jsessionid=1", null, Map.of()));

            SoftAssertions softly = new SoftAssertions();
            for (Response response : responses) {
                String what = response.request() + " → " + response.status();
                softly.assertThat(response.header("X-Content-Type-Options"))
                        .as(what)
                        .contains("nosniff");
                softly.assertThat(response.header("X-Frame-Options")).as(what).contains("DENY");
                softly.assertThat(response.header("Referrer-Policy")).as(what).contains("no-referrer");
                softly.assertThat(response.header("Content-Security-Policy"))
                        .as(what)
                        .hasValueSatisfying(
                                policy -> assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'"));
                softly.assertThat(response.header("Strict-Transport-Security"))
                        .as(what + ", over plain HTTP")
                        .isEmpty();
                softly.assertThat(response.header("X-Powered-By")).as(what).isEmpty();
            }
            softly.assertAll();
        }

        @Test
        void personalDataAndTokensAreNeverCached() {
            Customer customer = shop.newCustomer();
            Response tokens = logIn(shop.client(), customer.email()).expect(200);

            for (Response response : List.of(customer.get("/api/users/me").expect(200), tokens)) {
                assertThat(response.header("Cache-Control"))
                        .as(response.request())
                        .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
            }
        }

        @Test
        void strictTransportSecurityIsSentWhenTheClientCameOverTls() {
            Response overTls = shop.client()
                    .send("GET", "/api/books?size=1", null, Map.of("X-Forwarded-Proto", "https"))
                    .expect(200);

            assertThat(overTls.header("Strict-Transport-Security"))
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        }

        @Test
        void aForeignOriginIsRefusedCrossOriginAccess() {
            Map<String, String> preflight =
                    Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET");

            Response refusedPreflight = shop.client().send("OPTIONS", "/api/users/me", null, preflight);
            Response refusedRead =
                    shop.newCustomer().send("GET", "/api/users/me", null, Map.of("Origin", "https://evil.example"));

            assertProblem(refusedPreflight, 403, "cross-origin-refused");
            assertProblem(refusedRead, 403, "cross-origin-refused");
            assertThat(refusedPreflight.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refusedRead.header("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void aQueryParameterOfTheWrongTypeIsRefusedWithoutNamingJavaTypes() {
            Customer customer = shop.newCustomer();
            List<Response> refusals = List.of(
                    shop.client().get("/api/books?size=abc"),
                    shop.client().get("/api/books?minPrice=cheap"),
                    customer.get("/api/orders?size=abc"),
                    customer.get("/api/payments?page=first"),
                    shop.admin().get("/api/users?size=abc"));

            SoftAssertions softly = new SoftAssertions();
            for (Response refusal : refusals) {
                softly.assertThat(refusal.status()).as(refusal.toString()).isEqualTo(400);
                softly.assertThat(refusal.body())
                        .as(refusal.toString())
                        .doesNotContain("java.", "required type", "Failed to convert");
            }
            softly.assertAll();
        }

        @Test
        void errorsAreProblemDetailsWithoutStackTracesOrInternals() {
            Customer customer = shop.newCustomer();
            Client visitor = shop.client();
            List<Response> errors = List.of(
                    visitor.get("/no-such-page"),
                    visitor.get("/api/orders"),
                    visitor.withToken("not.a.token").get("/api/orders"),
                    customer.get("/api/users"),
                    visitor.post("/api/users", "{\"email\": \"broken"),
                    visitor.post("/api/users", "[1, 2, 3]"),
                    customer.send("POST", "/api/orders", "{\"items\": [{]}", Map.of("Idempotency-Key", "k-1")),
                    customer.send("POST", "/api/orders", "x=1", Map.of("Content-Type", "text/plain")),
                    visitor.get("/api/books/" + "z".repeat(80)),
                    customer.get("/api/orders/not-an-order"),
                    customer.get("/api/payments/not-a-uuid"),
                    visitor.send("DELETE", "/api/auth/jwks", null, Map.of()),
                    visitor.send("GET", "/api/books/%2e%2e/x", null, Map.of()));

            SoftAssertions softly = new SoftAssertions();
            for (Response error : errors) {
                String what = error.toString();
                softly.assertThat(error.status()).as(what).isBetween(400, 499);
                softly.assertThat(error.header("Content-Type")).as(what).hasValueSatisfying(type -> assertThat(type)
                        .startsWith(PROBLEM_JSON));
                if (error.body().startsWith("{")) {
                    JsonNode problem = error.json();
                    softly.assertThat(problem.path("status").asInt()).as(what).isEqualTo(error.status());
                    softly.assertThat(problem.path("title").asString()).as(what).isNotBlank();
                    softly.assertThat(fieldNames(problem)).as(what).doesNotContain("trace", "stackTrace", "exception");
                } else {
                    softly.fail("not a JSON problem: " + what);
                }
                softly.assertThat(error.body())
                        .as(what)
                        .doesNotContain(
                                "Exception",
                                "\tat ",
                                "at bookstore.",
                                "at org.",
                                "java.",
                                "tools.jackson",
                                "com.fasterxml",
                                "org.springframework",
                                "reactor.");
            }
            softly.assertAll();
        }
    }

    private static Response logIn(Client client, String email) {
        return client.post("/api/auth/token", Map.of("email", email, "password", Shop.PASSWORD));
    }

    private static JsonNode payment(Customer owner, String paymentId) {
        return owner.get("/api/payments/" + paymentId).expect(200).json();
    }

    /** The field of every item on a page. */
    private static List<String> ids(Response page, String field) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.expect(200).json().get("items")) {
            ids.add(item.get(field).asString());
        }
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }

    /** Every property name anywhere in the document. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collectFieldNames(node, names);
        return names;
    }

    private static void collectFieldNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                names.add(property.getKey());
                collectFieldNames(property.getValue(), names);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectFieldNames(element, names);
            }
        }
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as("content type of " + response)
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(response.json().path("status").asInt())
                .as(response.toString())
                .isEqualTo(status);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertProblem(response, status);
        assertThat(response.json().path("type").asString()).isEqualTo(PROBLEM_TYPES + type);
    }
}
