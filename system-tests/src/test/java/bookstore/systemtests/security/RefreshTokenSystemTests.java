package bookstore.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sessions through the gateway: a refresh token works once and is exchanged for a new one; a token presented again
 * means it was stolen, so its whole family (the login session) is revoked; logging out ends the session.
 */
@SystemTest
class RefreshTokenSystemTests {

    private static final String INVALID_REFRESH_TOKEN = "https://bookstore.example/problems/invalid-refresh-token";

    private final Shop shop;

    RefreshTokenSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void aRefreshGivesNewTokensAndTheOldRefreshTokenIsRefusedAfterwards() {
        Customer customer = shop.newCustomer();
        Client client = anonymous(customer);

        JsonNode refreshed =
                refresh(client, customer.refreshToken()).expect(200).json();

        String newRefreshToken = refreshed.get("refreshToken").asString();
        String newAccessToken = refreshed.get("accessToken").asString();
        assertThat(newRefreshToken).isNotBlank().isNotEqualTo(customer.refreshToken());
        assertThat(newAccessToken).isNotEqualTo(customer.accessToken());
        assertThat(Tokens.claimsOf(newAccessToken).getSubject()).isEqualTo(customer.id());
        assertThat(client.withToken(newAccessToken)
                        .get("/api/users/me")
                        .expect(200)
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(customer.id());
        assertRefused(refresh(client, customer.refreshToken()));
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamilyUpToItsNewestToken() {
        Customer customer = shop.newCustomer();
        Client client = anonymous(customer);
        String first = customer.refreshToken();
        String second =
                refresh(client, first).expect(200).json().get("refreshToken").asString();
        String newest =
                refresh(client, second).expect(200).json().get("refreshToken").asString();

        // The thief (or the owner) presents a token that was already exchanged.
        assertRefused(refresh(client, first));

        assertRefused(refresh(client, newest));
        assertRefused(refresh(client, second));
    }

    @Test
    void reuseRevokesOnlyThatSessionNotTheCustomersOtherLogins() {
        Customer customer = shop.newCustomer();
        Client client = anonymous(customer);
        String otherSession =
                logIn(client, customer.email()).json().get("refreshToken").asString();
        String rotated = customer.refreshToken();
        refresh(client, rotated).expect(200);

        assertRefused(refresh(client, rotated));

        assertThat(refresh(client, otherSession).status())
                .as("a refresh token of another login session")
                .isEqualTo(200);
    }

    @Test
    void afterLogoutTheRefreshTokenCannotMintAccessTokens() {
        Customer customer = shop.newCustomer();
        Client client = anonymous(customer);
        String rotated = refresh(client, customer.refreshToken())
                .expect(200)
                .json()
                .get("refreshToken")
                .asString();

        Response logout = client.post("/api/auth/logout", Map.of("refreshToken", rotated));

        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertRefused(refresh(client, rotated));
        assertRefused(refresh(client, customer.refreshToken()));
        String afterwards =
                logIn(client, customer.email()).json().get("refreshToken").asString();
        assertThat(refresh(client, afterwards).status())
                .as("a new login after logging out")
                .isEqualTo(200);
    }

    /** The customer's address without their access token: refreshing needs nothing but the refresh token. */
    private static Client anonymous(Customer customer) {
        return customer.client().withToken(null);
    }

    private static Response refresh(Client client, String refreshToken) {
        return client.post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    private static Response logIn(Client client, String email) {
        return client.post("/api/auth/token", Map.of("email", email, "password", Shop.PASSWORD))
                .expect(200);
    }

    private static void assertRefused(Response refresh) {
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);
        assertThat(refresh.json().get("type").asString()).isEqualTo(INVALID_REFRESH_TOKEN);
        assertThat(refresh.body()).doesNotContain("accessToken");
    }
}
