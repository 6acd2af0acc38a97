package bookstore.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.UserServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@UserServiceIntegrationTest
class ProfileIntegrationTests {

    static final Map<String, String> HOME = Map.of(
            "recipient", "Ann Reader",
            "phone", "+86 10 5555 0100",
            "line1", "1 Wangfujing Street",
            "city", "Beijing",
            "region", "Beijing",
            "postalCode", "100006",
            "country", "CN");

    @Autowired
    WebTestClient http;

    ShopClient shop;

    @BeforeEach
    void newClient() {
        shop = new ShopClient(http);
    }

    @Test
    void aCustomerSeesTheirOwnProfile() {
        String email = ShopClient.newEmail();
        var registered = shop.register(email);
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);

        shop.get("/api/users/me", tokens.accessToken())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(registered.id().toString())
                .jsonPath("$.email")
                .isEqualTo(email)
                .jsonPath("$.passwordHash")
                .doesNotExist();
    }

    @Test
    void eachCustomerOnlyEverSeesThemselves() {
        Tokens ann = shop.newCustomer();
        Tokens bob = shop.newCustomer();

        String annId = idOf(shop.get("/api/users/me", ann.accessToken()));
        String bobId = idOf(shop.get("/api/users/me", bob.accessToken()));

        assertThat(annId).isNotEqualTo(bobId);
    }

    @Test
    void aCustomerChangesTheirNameAndShippingAddresses() {
        Tokens tokens = shop.newCustomer();

        patchMe(tokens, Map.of("displayName", "Ann L.", "addresses", List.of(HOME)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Ann L.")
                .jsonPath("$.addresses[0].city")
                .isEqualTo("Beijing");

        patchMe(tokens, Map.of("displayName", "Ann Lee")).expectStatus().isOk();

        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Ann Lee")
                .jsonPath("$.addresses[0].postalCode")
                .isEqualTo("100006");
    }

    @Test
    void serverOwnedFieldsCannotBePatched() {
        Tokens tokens = shop.newCustomer();

        patchMe(tokens, Map.of("roles", List.of("ADMIN"))).expectStatus().isBadRequest();
        patchMe(tokens, Map.of("email", "someone.else@example.com"))
                .expectStatus()
                .isBadRequest();
        patchMe(tokens, Map.of("id", "00000000-0000-0000-0000-000000000000"))
                .expectStatus()
                .isBadRequest();

        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.roles.length()")
                .isEqualTo(1)
                .jsonPath("$.roles[0]")
                .isEqualTo("CUSTOMER");
    }

    @Test
    void invalidAddressesAreRefused() {
        Tokens tokens = shop.newCustomer();
        Map<String, String> noCountry = Map.of(
                "recipient", "Ann", "phone", "1", "line1", "x", "city", "y", "postalCode", "1", "country", "China");

        patchMe(tokens, Map.of("addresses", List.of(noCountry)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation");
    }

    @Test
    void withoutATokenThereIsNoMe() {
        http.get().uri("/api/users/me").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec patchMe(Tokens tokens, Map<String, Object> body) {
        return shop.http
                .patch()
                .uri("/api/users/me")
                .headers(h -> h.setBearerAuth(tokens.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static String idOf(WebTestClient.ResponseSpec response) {
        return response.expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }
}
