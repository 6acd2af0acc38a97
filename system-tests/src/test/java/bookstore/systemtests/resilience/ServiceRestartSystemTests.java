package bookstore.systemtests.resilience;

import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.launcher.Service;
import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Ledger;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

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
        String book = Books.addOrderable(shop, "The Interrupted Run " + restarted, 1_900, INITIAL_STOCK);
        List<Customer> customers =
                IntStream.range(0, 6).mapToObj(i -> shop.newCustomer()).toList();
        Ledger ledger = new Ledger();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> run = threads.submit(() -> {
                for (int i = 0; i < ORDERS; i++) {
                    Customer customer = customers.get(i % customers.size());
                    ledger.add(customer, Orders.placeRetrying(customer, book, 1 + i % 2, VISA));
                }
            });
            await("a third of the orders accepted")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> ledger.size() >= ORDERS / 3);
            shop.stop(restarted);
            run.get();
            // The orders accepted while it was away wait in Kafka for it to come back.
            assertThat(ledger.size()).isEqualTo(ORDERS);
            shop.restart(restarted);
        }

        List<JsonNode> ended = ledger.awaitAllTerminal(Duration.ofMinutes(3));
        assertThat(ended).hasSize(ORDERS);
        assertThat(ended.stream().filter(order -> order.get("status").asString().equals("CONFIRMED")))
                .isNotEmpty();
        Ledger.assertStockConserved(shop, book, INITIAL_STOCK, ended);
        Ledger.assertMoneyConserved(shop, ended);
    }
}
