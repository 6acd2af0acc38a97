package bookstore.systemtests.resilience;

import bookstore.launcher.Service;
import bookstore.systemtests.support.RunOfOrders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A service of the saga goes away in the middle of a run of orders and comes back: every accepted
 * order still ends, and copies and money are still conserved. Runs after the tests that only use
 * the shop.
 */
@SystemTest
@Order(Order.DEFAULT + 1)
class ServiceRestartSystemTests {

    private static final int INITIAL_STOCK = 40;
    private static final int ORDERS = 30;

    private final Shop shop;

    ServiceRestartSystemTests(Shop shop) {
        this.shop = shop;
    }

    @ParameterizedTest
    @EnumSource(
            value = Service.class,
            names = {"INVENTORY", "PAYMENT"})
    void everyAcceptedOrderEndsWhenAServiceRestartsMidRun(Service restarted) throws Exception {
        try (RunOfOrders run = RunOfOrders.start(shop, "The Interrupted Run " + restarted, INITIAL_STOCK, ORDERS)) {
            run.awaitAThirdAccepted();
            shop.stop(restarted);
            // The orders accepted while it was away wait in Kafka for it to come back.
            run.awaitAllAccepted();
            shop.restart(restarted);

            run.assertAllEndedAndConserved();
        }
    }
}
