package bookstore.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing one customer's password through the gateway: user-service makes the guesser wait after a few failures
 * (here from 3 s on, doubling; 30 s in production), and the owner gets in again once the wait is over.
 */
@SystemTest
class BruteForceSystemTests {

    private static final int GUESSES = 20;
    private static final String THROTTLED = "https://bookstore.example/problems/too-many-login-attempts";

    private final Shop shop;

    BruteForceSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void wrongPasswordsInARowAreThrottledWithRetryAfterAndTheRightPasswordWorksOnceTheWaitIsOver() {
        Customer victim = shop.newCustomer();
        // A guesser of its own: the gateway's limits and user-service's per-address count are this client's alone. It
        // takes each 429 as it comes: the throttle is what this test watches.
        Client guesser = shop.client().withoutRetries();

        List<Response> guesses = new ArrayList<>();
        Response rightPasswordDuringTheWait = null;
        for (int guess = 1; guess <= GUESSES; guess++) {
            Response answer = logIn(guesser, victim.email(), "Wrong-Guess-Number-" + guess);
            guesses.add(answer);
            if (answer.status() == 429 && rightPasswordDuringTheWait == null) {
                rightPasswordDuringTheWait = logIn(guesser, victim.email(), Shop.PASSWORD);
            }
        }

        assertThat(guesses.getFirst().status()).as("the first wrong password").isEqualTo(401);
        assertThat(guesses).extracting(Response::status).containsOnly(401, 429);
        int firstThrottled = guesses.stream().map(Response::status).toList().indexOf(429);
        assertThat(firstThrottled)
                .as(
                        "the first 429 among %s",
                        guesses.stream().map(Response::status).toList())
                .isBetween(1, GUESSES - 2);
        Response throttled = guesses.get(firstThrottled);
        assertThat(throttled.json().get("type").asString())
                .as("user-service's throttle, not the gateway's rate limit")
                .isEqualTo(THROTTLED);
        assertThat(retryAfter(throttled)).isPositive();

        assertThat(rightPasswordDuringTheWait.status())
                .as("the right password while the account waits: " + rightPasswordDuringTheWait)
                .isEqualTo(429);

        Response last = guesses.getLast();
        Duration wait = Duration.ofSeconds(last.status() == 429 ? retryAfter(last) : 1);
        Response welcome = await("the right password accepted after the wait")
                .pollDelay(wait)
                .pollInterval(Duration.ofSeconds(1))
                .atMost(wait.plus(Duration.ofSeconds(60)))
                .until(() -> logIn(guesser, victim.email(), Shop.PASSWORD), answer -> answer.status() == 200);

        String accessToken = welcome.json().get("accessToken").asString();
        assertThat(guesser.withToken(accessToken)
                        .get("/api/users/me")
                        .expect(200)
                        .json()
                        .get("id")
                        .asString())
                .isEqualTo(victim.id());
    }

    private static Response logIn(Client client, String email, String password) {
        return client.post("/api/auth/token", Map.of("email", email, "password", password));
    }

    private static long retryAfter(Response response) {
        return Long.parseLong(
                response.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After on " + response)));
    }
}
