package bookstore.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.launcher.Service;
import bookstore.systemtests.support.DeadLetters;
import bookstore.systemtests.support.RunOfOrders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops for real in the middle of a run of orders (a fast shutdown that ends every
 * session of every service) and starts again ten seconds later: the services wait it out, every
 * accepted order still ends, copies and money are conserved, and no record was dead-lettered, since
 * a database away is a passing failure, not a fault of the record.
 */
@SystemTest
@Order(Order.DEFAULT + 2)
class DatabaseOutageSystemTests {

    private static final int INITIAL_STOCK = 40;
    private static final int ORDERS = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private final Shop shop;

    DatabaseOutageSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void aPostgresOutageMidRunDeadLettersNothingAndEveryAcceptedOrderEnds() throws Exception {
        Map<String, Long> deadLettersBefore = DeadLetters.count(shop);
        try (RunOfOrders run = RunOfOrders.start(shop, "The Dark Hour", INITIAL_STOCK, ORDERS)) {
            run.awaitAThirdAccepted();

            shop.stopPostgres();
            // The outage lasts OUTAGE, and order-service sees it the whole time: it is not ready.
            // Checkouts meanwhile are answered 503 and sent again with the same key.
            await("order-service not ready while PostgreSQL is away")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !shop.isReady(Service.ORDER));
            await("the outage").during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).until(() -> !shop.isReady(Service.ORDER));
            shop.startPostgres();

            run.awaitAllAccepted();
            run.assertAllEndedAndConserved();
        }
        assertThat(DeadLetters.count(shop)).as("records dead-lettered").isEqualTo(deadLettersBefore);
    }
}
