package bookstore.user;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.testsupport.openapi.ApiFuzzContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every operation of the user service's OpenAPI document, fuzzed with malformed and boundary values over HTTP as
 * nobody, a signed-in customer and the admin, with the tokens the service issues: no 5xx, every 4xx the shop's
 * problem, and a refused request changes no account. Another customer's account stands behind the ids an admin names,
 * so the damage meets the handlers, not just a 404.
 */
@UserServiceIntegrationTest
class ApiFuzzIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient database;

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        ShopClient shop = new ShopClient(http);
        String email = ShopClient.newEmail();
        String other = shop.register(email).id().toString();
        String customer = shop.newCustomer().accessToken();
        String admin = shop.tokensFor(UserServiceIntegrationTest.ADMIN_EMAIL, UserServiceIntegrationTest.ADMIN_PASSWORD)
                .accessToken();

        ApiFuzzContract.Summary fuzzed = ApiFuzzContract.of("user-service")
                .callers(
                        shop.http,
                        shop.http
                                .mutate()
                                .defaultHeaders(h -> h.setBearerAuth(customer))
                                .build(),
                        shop.http
                                .mutate()
                                .defaultHeaders(h -> h.setBearerAuth(admin))
                                .build())
                .knowing("id", other)
                .knowing("email", email)
                .knowing("password", ShopClient.PASSWORD)
                .knowing("currentPassword", ShopClient.PASSWORD)
                .knowing("language", "zh-CN")
                .unchangedByRefusals(
                        () -> database.sql("SELECT row(a.*)::text FROM user_account a WHERE id = :id::uuid")
                                .bind("id", other)
                                .map(row -> row.get(0, String.class))
                                .one()
                                .block())
                .triesPerOperation(20)
                .run();

        assertThat(fuzzed.operations()).isEqualTo(23);
    }
}
