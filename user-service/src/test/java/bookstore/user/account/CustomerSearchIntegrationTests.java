package bookstore.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.paging.PageWindowContract;
import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Registered;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.UserServiceIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Admins search customers. The tests share one database with every other test, so each marks its
 * own accounts with a word nobody else uses and searches for that.
 */
@UserServiceIntegrationTest
class CustomerSearchIntegrationTests {

    @Autowired
    WebTestClient http;

    ShopClient shop;
    Tokens admin;
    String marker;

    @BeforeEach
    void logInAsTheBootstrappedAdmin() {
        shop = new ShopClient(http);
        admin = shop.tokensFor(UserServiceIntegrationTest.ADMIN_EMAIL, UserServiceIntegrationTest.ADMIN_PASSWORD);
        marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void findsCustomersByPartOfTheirEmailAddressIgnoringCase() {
        String ann = "ann." + marker + "@example.com";
        shop.register(ann, "Ann");
        shop.register("bob." + marker + "@example.com", "Bob");

        Found found = search(Map.of("q", ("Ann." + marker).toUpperCase()));

        assertThat(found.emails()).containsExactly(ann);
        assertThat(found.total()).isEqualTo(1);
    }

    @Test
    void findsCustomersByPartOfTheirDisplayNameIgnoringCase() {
        String ruth =
                shop.register(ShopClient.newEmail(), "Ruth Reader " + marker).email();
        String leiLi = shop.register(ShopClient.newEmail(), "李雷 " + marker).email();
        shop.register(ShopClient.newEmail(), "Someone Else " + marker);

        assertThat(search(Map.of("q", "ruth READER " + marker)).emails()).containsExactly(ruth);
        assertThat(search(Map.of("q", "李雷 " + marker)).emails()).containsExactly(leiLi);
    }

    @Test
    void percentUnderscoreAndBackslashInTheSearchAreLiteralCharacters() {
        String percent =
                shop.register(ShopClient.newEmail(), marker + " 100% sure").email();
        shop.register(ShopClient.newEmail(), marker + " 1000 sure");
        String underscore =
                shop.register(ShopClient.newEmail(), marker + " a_b").email();
        shop.register(ShopClient.newEmail(), marker + " axb");
        String backslash =
                shop.register(ShopClient.newEmail(), marker + " c\\d").email();
        shop.register(ShopClient.newEmail(), marker + " cd");

        // Read as LIKE patterns, each would also find its neighbour.
        assertThat(search(Map.of("q", marker + " 100%")).emails()).containsExactly(percent);
        assertThat(search(Map.of("q", marker + " a_b")).emails()).containsExactly(underscore);
        assertThat(search(Map.of("q", marker + " c\\d")).emails()).containsExactly(backslash);
        assertThat(search(Map.of("q", marker)).total()).isEqualTo(6);
    }

    @Test
    void filtersByRoleAloneOrWithTheText() {
        String ann = shop.register(ShopClient.newEmail(), "Ann " + marker).email();
        var bob = shop.register(ShopClient.newEmail(), "Bob " + marker);
        shop.http
                .put()
                .uri("/api/users/{id}/roles", bob.id())
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("CUSTOMER", "ADMIN")))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(search(Map.of("q", marker, "role", "ADMIN")).emails()).containsExactly(bob.email());
        assertThat(search(Map.of("q", marker, "role", "CUSTOMER")).emails())
                .containsExactlyInAnyOrder(ann, bob.email());
        Found admins = search(Map.of("role", "ADMIN", "size", "100"));
        assertThat(admins.emails()).contains(UserServiceIntegrationTest.ADMIN_EMAIL, bob.email());
        assertThat(admins.emails()).doesNotContain(ann);
        assertThat(admins.roles()).allSatisfy(roles -> assertThat(roles).contains("ADMIN"));
    }

    @Test
    void searchResultsArePagedOldestFirst() {
        List<String> registered = Arrays.asList(
                shop.register(ShopClient.newEmail(), "First " + marker).email(),
                shop.register(ShopClient.newEmail(), "Second " + marker).email(),
                shop.register(ShopClient.newEmail(), "Third " + marker).email());

        Found first = search(Map.of("q", marker, "page", "0", "size", "2"));
        Found second = search(Map.of("q", marker, "page", "1", "size", "2"));

        assertThat(first.emails()).containsExactlyElementsOf(registered.subList(0, 2));
        assertThat(second.emails()).containsExactlyElementsOf(registered.subList(2, 3));
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void anUnknownRoleIsRefused() {
        expectRefused(Map.of("role", "SUPERUSER"), "role");
    }

    @Test
    void searchTextLongerThanAnEmailAddressIsRefused() {
        expectRefused(Map.of("q", "x".repeat(255)), "q");
    }

    @Test
    void pagesBeyondTheFirst10000AccountsAreRefused() {
        expectRefused(Map.of("page", "100001"), "page");
        expectRefused(Map.of("page", Integer.toString(Integer.MAX_VALUE), "size", "100"), "page");
        get(Map.of("page", "100", "size", "100"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be at most 99 with size 100: a listing shows its first 10000 items");
    }

    @Test
    void onlyTheFirst10000AccountsCanBePagedThrough() {
        WebTestClient asAdmin = shop.http
                .mutate()
                .defaultHeaders(h -> h.setBearerAuth(admin.accessToken()))
                .build();

        PageWindowContract.refusesPagesBeyondTheWindow(asAdmin, "/api/users");
        PageWindowContract.answersTheLastPage(asAdmin, "/api/users");
    }

    private WebTestClient.ResponseSpec get(Map<String, String> query) {
        return shop.http
                .get()
                .uri(uri -> {
                    uri.path("/api/users");
                    // Values go in as URI variables, so %, \ and spaces arrive exactly as written.
                    query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
                    return uri.build(query);
                })
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .exchange();
    }

    private Found search(Map<String, String> query) {
        return get(query)
                .expectStatus()
                .isOk()
                .expectBody(Found.class)
                .returnResult()
                .getResponseBody();
    }

    private void expectRefused(Map<String, String> query, String field) {
        get(query)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    record Found(List<Registered> items, int page, int size, long total) {

        List<String> emails() {
            return items.stream().map(Registered::email).toList();
        }

        List<List<String>> roles() {
            return items.stream().map(Registered::roles).toList();
        }
    }
}
