package bookstore.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Rotating the signing key as an operator does, on the running shop: a new key dropped into user-service's key
 * folder becomes the signing key without a restart, tokens signed by the old key keep working until they expire,
 * and the gateway and the services learn the new key by themselves.
 *
 * <p>Runs after the classes that only use the shop ({@link Order#DEFAULT} is what classes without {@code @Order} get,
 * and lower values run first), so no other test meets a kid it did not expect. Both keys stay in the folder: the shop
 * is left working, with tokens of either key valid.
 */
@SystemTest
@Order(Order.DEFAULT + 100)
class SigningKeyRotationSystemTests {

    /** How user-service names the keys it generates, so a key named after a later time sorts last and signs. */
    private static final DateTimeFormatter KID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    // user-service re-reads the folder every second here; the gateway downloads the keys again when it meets an
    // unknown kid, at most every 10 s.
    private static final Duration NEW_KEY_SIGNS_WITHIN = Duration.ofSeconds(30);
    private static final Duration NEW_KEY_VERIFIED_WITHIN = Duration.ofSeconds(30);

    private final Shop shop;

    SigningKeyRotationSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void aNewKeySignsNewTokensWhileTokensOfTheOldKeyStillWork() {
        SigningKeyFolder keys = new SigningKeyFolder(shop.signingKeys());
        Customer customer = shop.newCustomer();
        String oldToken = customer.accessToken();
        String oldKid = Tokens.kidOf(oldToken);
        assertThat(keys.kids()).contains(oldKid);

        String newKid = KID_TIME.format(Instant.now()) + "-rotated";
        assertThat(keys.kids()).allSatisfy(kid -> assertThat(kid).isLessThan(newKid));
        keys.add(newKid);
        if (keys.activeKid().isPresent()) {
            // An active-kid file overrides the sort order: name the new key there too.
            keys.activate(newKid);
        }

        Client loggingIn = shop.client();
        String newToken = await("logins signed with " + newKid)
                .atMost(NEW_KEY_SIGNS_WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> logIn(loggingIn, customer.email()), token -> newKid.equals(Tokens.kidOf(token)));

        assertThat(publishedKids()).contains(oldKid, newKid);
        Client oldSession = customer.client();
        assertThat(oldSession.get("/api/users/me").status())
                .as("old token at user-service")
                .isEqualTo(200);
        assertThat(oldSession.get("/api/orders").status())
                .as("old token at order-service")
                .isEqualTo(200);

        Client newSession = loggingIn.withToken(newToken);
        await("the gateway and the services verify " + newKid)
                .atMost(NEW_KEY_VERIFIED_WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(newSession.get("/api/users/me").status())
                            .as("new token at user-service")
                            .isEqualTo(200);
                    assertThat(newSession.get("/api/orders").status())
                            .as("new token at order-service")
                            .isEqualTo(200);
                    assertThat(newSession.get("/api/payments").status())
                            .as("new token at payment-service")
                            .isEqualTo(200);
                });

        assertThat(oldSession.get("/api/users/me").status())
                .as("old token after the gateway downloaded the keys again")
                .isEqualTo(200);
        assertThat(oldSession.get("/api/cart").status())
                .as("old token at order-service")
                .isEqualTo(200);
        assertThat(keys.kids()).as("both keys stay in the folder").contains(oldKid, newKid);
    }

    private String logIn(Client client, String email) {
        return client.post("/api/auth/token", Map.of("email", email, "password", Shop.PASSWORD))
                .expect(200)
                .json()
                .get("accessToken")
                .asString();
    }

    private List<String> publishedKids() {
        // The keys are public for five minutes, so the gateway may answer from its cache: ask for the current ones.
        String jwks = shop.client()
                .send("GET", "/api/auth/jwks", null, Map.of("Cache-Control", "no-cache"))
                .expect(200)
                .body();
        try {
            return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
        } catch (ParseException e) {
            throw new AssertionError("not a JWK set: " + jwks, e);
        }
    }
}
