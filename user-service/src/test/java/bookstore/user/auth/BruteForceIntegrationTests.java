package bookstore.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.MutableClock;
import bookstore.user.ShopClient;
import bookstore.user.UserServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@UserServiceIntegrationTest
class BruteForceIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    MutableClock clock;

    @Autowired
    DatabaseClient database;

    @Test
    void twentyWrongPasswordsInARowAreThrottledAndTheOwnerGetsInAfterTheBackOff() {
        ShopClient guesser = new ShopClient(http);
        String email = ShopClient.newEmail();
        guesser.register(email);

        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> last = null;
        for (int attempt = 1; attempt <= 20; attempt++) {
            last = guesser.logIn(email, "guess number " + attempt).expectBody().returnResult();
            statuses.add(last.getStatus().value());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.indexOf(429)).isBetween(0, 18);
        assertThat(statuses.subList(5, 20)).containsOnly(429);
        String retryAfter = last.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 30L);
        assertThat(last.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(database.sql("SELECT count(*) AS n FROM login_throttle WHERE subject LIKE :account")
                        .bind("account", "account:%")
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .as("the guessed account's counter")
                .isPositive();
        assertThat(database.sql("SELECT count(*) AS n FROM login_throttle WHERE strpos(subject, :email) > 0")
                        .bind("email", email.toLowerCase())
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .as("counters that keep the typed address")
                .isZero();

        // Even the right password waits during the back-off: a guess that happens to be right
        // must not be told apart from a wrong one.
        guesser.logIn(email, ShopClient.PASSWORD).expectStatus().isEqualTo(429);

        clock.advance(Duration.ofSeconds(Long.parseLong(retryAfter)));
        guesser.logIn(email, ShopClient.PASSWORD).expectStatus().isOk();
    }

    @Test
    void theBackOffGrowsWithEachFailureAfterIt() {
        ShopClient guesser = new ShopClient(http);
        String email = ShopClient.newEmail();
        guesser.register(email);
        for (int attempt = 1; attempt <= 5; attempt++) {
            guesser.logIn(email, "wrong guess " + attempt).expectStatus().isUnauthorized();
        }
        clock.advance(Duration.ofSeconds(30));

        guesser.logIn(email, "yet another wrong guess").expectStatus().isUnauthorized();

        String retryAfter = guesser.logIn(email, "and one more")
                .expectStatus()
                .isEqualTo(429)
                .returnResult(Void.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(Long.parseLong(retryAfter)).isBetween(31L, 60L);
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsThrottled() {
        ShopClient guesser = new ShopClient(http);
        List<String> victims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = ShopClient.newEmail();
            guesser.register(email);
            victims.add(email);
        }

        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String victim : victims) {
                statuses.add(guesser.logIn(victim, "spray " + round)
                        .returnResult(Void.class)
                        .getStatus()
                        .value());
            }
        }
        statuses.add(guesser.logIn(victims.getFirst(), ShopClient.PASSWORD)
                .returnResult(Void.class)
                .getStatus()
                .value());

        // Four wrong guesses per account stay under the account limit; the address hits its own.
        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.get(20)).isEqualTo(429);
        // A customer elsewhere is not affected.
        new ShopClient(http)
                .logIn(victims.getFirst(), ShopClient.PASSWORD)
                .expectStatus()
                .isOk();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsCount() {
        ShopClient owner = new ShopClient(http);
        String email = ShopClient.newEmail();
        owner.register(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            owner.logIn(email, "typo " + attempt).expectStatus().isUnauthorized();
        }
        owner.logIn(email, ShopClient.PASSWORD).expectStatus().isOk();

        for (int attempt = 1; attempt <= 4; attempt++) {
            owner.logIn(email, "another typo " + attempt).expectStatus().isUnauthorized();
        }
        owner.logIn(email, ShopClient.PASSWORD).expectStatus().isOk();
    }

    @Test
    void malformedLoginsAreRefusedBeforeTheyCount() {
        new ShopClient(http)
                .http
                .post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody"))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
