package bookstore.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.ShopClient;
import bookstore.user.ShopClient.Tokens;
import bookstore.user.UserServiceIntegrationTest;
import bookstore.user.account.application.BootstrappingAdmin;
import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.Role;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@UserServiceIntegrationTest
class AdministrationIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    BootstrappingAdmin bootstrapping;

    @Autowired
    DatabaseClient database;

    ShopClient shop;
    Tokens admin;

    @BeforeEach
    void logInAsTheBootstrappedAdmin() {
        shop = new ShopClient(http);
        admin = shop.tokensFor(UserServiceIntegrationTest.ADMIN_EMAIL, UserServiceIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void theConfiguredAdministratorExistsOnceWithTheAdminRole() throws Exception {
        bootstrapping
                .ensureAdmin(
                        EmailAddress.of(UserServiceIntegrationTest.ADMIN_EMAIL.toUpperCase()),
                        "a different password that must not win")
                .block();
        bootstrapping
                .ensureAdmin(
                        EmailAddress.of(UserServiceIntegrationTest.ADMIN_EMAIL),
                        UserServiceIntegrationTest.ADMIN_PASSWORD)
                .block();

        assertThat(accountsWithEmail(UserServiceIntegrationTest.ADMIN_EMAIL)).isEqualTo(1);
        assertThat(SignedJWT.parse(admin.accessToken()).getJWTClaimsSet().getStringListClaim("roles"))
                .contains("ADMIN");
        // Bootstrapping again never resets the password.
        shop.logIn(UserServiceIntegrationTest.ADMIN_EMAIL, "a different password that must not win")
                .expectStatus()
                .isUnauthorized();
        shop.tokensFor(UserServiceIntegrationTest.ADMIN_EMAIL, UserServiceIntegrationTest.ADMIN_PASSWORD);
    }

    @Test
    void bootstrappingAVerifiedCustomersAddressMakesThemAdminWithoutANewAccount() {
        String email = ShopClient.newEmail();
        var registered = shop.register(email);
        database.sql("UPDATE user_account SET email_verified = true WHERE id = :id")
                .bind("id", registered.id())
                .then()
                .block();

        var account = bootstrapping
                .ensureAdmin(EmailAddress.of(email), "irrelevant but long")
                .block();

        assertThat(account.roles()).contains(Role.ADMIN, Role.CUSTOMER);
        assertThat(accountsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void bootstrappingAnUnverifiedAccountsAddressPromotesNobody() {
        String email = ShopClient.newEmail();
        shop.register(email);

        var account = bootstrapping
                .ensureAdmin(EmailAddress.of(email), "irrelevant but long")
                .block();

        assertThat(account).isNull();
        assertThat(accountsWithEmail(email)).isEqualTo(1);
        Tokens tokens = shop.tokensFor(email, ShopClient.PASSWORD);
        shop.get("/api/users/me", tokens.accessToken())
                .expectBody()
                .jsonPath("$.roles")
                .value(roles -> assertThat(roles.toString()).doesNotContain("ADMIN"));
    }

    @Test
    void bootstrappingAFreeAddressCreatesAVerifiedAdministrator() {
        String email = "ops-" + UUID.randomUUID() + "@bookstore.test";

        var account = bootstrapping
                .ensureAdmin(EmailAddress.of(email), "an operator's long passphrase")
                .block();

        assertThat(account.roles()).contains(Role.ADMIN);
        assertThat(account.emailVerified()).isTrue();
        assertThat(accountsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void adminsListAccountsPageByPage() {
        shop.newCustomer();
        shop.newCustomer();

        shop.get("/api/users?page=0&size=2", admin.accessToken())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(2)
                .jsonPath("$.total")
                .value(total -> assertThat(((Number) total).longValue()).isGreaterThanOrEqualTo(3))
                .jsonPath("$.items[0].passwordHash")
                .doesNotExist();
    }

    @Test
    void pagesLargerThanAHundredAreRefused() {
        shop.get("/api/users?size=101", admin.accessToken())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void customersCannotListAccountsOrChangeRoles() {
        Tokens customer = shop.newCustomer();

        shop.get("/api/users", customer.accessToken())
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        putRoles(customer.accessToken(), ShopClient.subjectOf(customer), "CUSTOMER", "ADMIN")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aCustomerCannotReadAnotherAccount() {
        Tokens ann = shop.newCustomer();
        Tokens bob = shop.newCustomer();

        shop.get("/api/users/" + ShopClient.subjectOf(bob), ann.accessToken())
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aPromotedCustomerGetsTheAdminRoleWithTheNextRefresh() {
        Tokens customer = shop.newCustomer();

        putRoles(admin.accessToken(), ShopClient.subjectOf(customer), "CUSTOMER", "ADMIN")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles")
                .value(roles -> assertThat(roles.toString()).contains("ADMIN"));
        Tokens refreshed = shop.refresh(customer.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(Tokens.class)
                .returnResult()
                .getResponseBody();

        shop.get("/api/users", refreshed.accessToken()).expectStatus().isOk();
    }

    @Test
    void anAdminCannotDemoteThemselves() {
        putRoles(admin.accessToken(), ShopClient.subjectOf(admin), "CUSTOMER")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/cannot-demote-yourself");
    }

    @Test
    void unknownRolesAreRefused() {
        Tokens customer = shop.newCustomer();

        putRoles(admin.accessToken(), ShopClient.subjectOf(customer), "SUPERUSER")
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void anUnknownAccountIsNotFound() {
        shop.get("/api/users/" + UUID.randomUUID(), admin.accessToken())
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://bookstore.example/problems/user-not-found");
    }

    private WebTestClient.ResponseSpec putRoles(String accessToken, String userId, String... roles) {
        return shop.http
                .put()
                .uri("/api/users/{id}/roles", userId)
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", roles))
                .exchange();
    }

    private long accountsWithEmail(String email) {
        return database.sql("SELECT count(*) FROM user_account WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
