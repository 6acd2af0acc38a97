package bookstore.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.launcher.Service;
import bookstore.systemtests.support.Client;
import bookstore.systemtests.support.DeadLetters;
import bookstore.systemtests.support.Response;
import bookstore.systemtests.support.RunOfOrders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stops for 30 s in the middle of a run of checkouts and searches. The shop degrades
 * rather than dies: every service stays ready (readiness is the database, not the broker), search and
 * checkout answer throughout, the orders placed meanwhile wait PENDING and their events in
 * order-service's outbox. Once the broker is back every order ends, copies and money are conserved,
 * and nothing was dead-lettered: a broker away is a passing failure, not a fault of any record.
 */
@SystemTest
@Order(Order.DEFAULT + 3)
class BrokerOutageSystemTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int INITIAL_STOCK = 60;
    private static final int ORDERS = 24;

    private final Shop shop;

    BrokerOutageSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void whileTheBrokerIsAwaySearchAndCheckoutAnswerAndOnceItIsBackEveryOrderEnds() throws Exception {
        Map<String, Long> deadLettersBefore = DeadLetters.count(shop);
        String title = "The Patient Outbox " + UUID.randomUUID().toString().substring(0, 8);
        try (RunOfOrders run = RunOfOrders.start(shop, title, INITIAL_STOCK, ORDERS)) {
            Client browser = shop.client();
            run.awaitAThirdAccepted();

            shop.stopKafka();
            List<String> placedMeanwhile = new ArrayList<>();
            List<String> troubles = new ArrayList<>();
            await("search, checkout and readiness throughout the broker's outage")
                    .during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(15))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        troubles.addAll(answersWithoutTheBroker(browser, title, run, placedMeanwhile));
                        assertThat(troubles)
                                .as("answers while the broker was away")
                                .isEmpty();
                    });

            // Nothing of them reached inventory: they wait, and so do their events.
            for (String orderId : placedMeanwhile) {
                assertThat(shop.admin()
                                .get("/api/orders/" + orderId)
                                .expect(200)
                                .json()
                                .get("status")
                                .asString())
                        .as("order %s placed while the broker was away", orderId)
                        .isEqualTo("PENDING");
            }
            assertThat(outboxBacklog("orders"))
                    .as("events waiting in order-service's outbox")
                    .isGreaterThanOrEqualTo(placedMeanwhile.size());
            shop.startKafka();

            run.awaitAllAccepted();
            run.assertAllEndedAndConserved();
        }
        assertThat(DeadLetters.count(shop)).as("records dead-lettered").isEqualTo(deadLettersBefore);
    }

    /** One round of what customers do and the orchestrator checks; what went wrong, if anything. */
    private List<String> answersWithoutTheBroker(
            Client browser, String title, RunOfOrders run, List<String> placedMeanwhile) {
        List<String> troubles = new ArrayList<>();
        // Past the gateway's one-second cache of public answers: catalog-service itself answers.
        Response search =
                browser.send("GET", "/api/books?q=" + title.split(" ")[3], null, Map.of("Cache-Control", "no-cache"));
        if (search.status() != 200 || search.json().get("items").isEmpty()) {
            troubles.add("search: " + search);
        }
        Response checkout = run.placeNow();
        if (checkout.status() != 202
                || !checkout.json().get("status").asString().equals("PENDING")) {
            troubles.add("checkout: " + checkout);
        } else {
            placedMeanwhile.add(checkout.json().get("id").asString());
        }
        for (Service service : Service.values()) {
            if (!shop.isReady(service)) {
                troubles.add(service.module() + " not ready");
            }
        }
        return troubles;
    }

    private long outboxBacklog(String database) throws Exception {
        try (Connection connection = shop.database(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
