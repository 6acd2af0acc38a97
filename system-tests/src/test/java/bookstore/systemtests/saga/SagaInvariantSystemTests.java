package bookstore.systemtests.saga;

import static bookstore.systemtests.support.Orders.DECLINED;
import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Books.Stock;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Ledger;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many customers at once, through the gateway: stock and money stay consistent whatever happens. */
@SystemTest
class SagaInvariantSystemTests {

    private final Shop shop;

    SagaInvariantSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyCopiesConfirmExactlyFifty() throws Exception {
        String book = Books.addOrderable(shop, "The Last Fifty Copies", 2_500, 50);
        List<Customer> customers =
                IntStream.range(0, 20).mapToObj(i -> shop.newCustomer()).toList();
        Ledger ledger = new Ledger();
        Queue<Stock> seen = new ConcurrentLinkedQueue<>();

        List<JsonNode> ended;
        try (ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // What an admin sees of the stock while the orders race for it.
            watcher.scheduleWithFixedDelay(() -> seen.add(Books.stock(shop, book)), 0, 50, TimeUnit.MILLISECONDS);
            List<Future<?>> orders = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Customer customer = customers.get(i % customers.size());
                orders.add(threads.submit(() -> ledger.add(customer, Orders.placeRetrying(customer, book, 1, VISA))));
            }
            for (Future<?> order : orders) {
                order.get();
            }
            ended = ledger.awaitAllTerminal(Duration.ofMinutes(3));
            watcher.shutdownNow();
        }

        assertThat(ended).hasSize(200);
        assertThat(ended.stream().filter(order -> order.get("status").asString().equals("CONFIRMED")))
                .hasSize(50);
        assertThat(ended.stream().filter(order -> order.get("status").asString().equals("REJECTED")))
                .hasSize(150);
        assertThat(Books.stock(shop, book)).isEqualTo(new Stock(0, 0, 0));
        assertThat(seen)
                .isNotEmpty()
                .allSatisfy(stock -> assertThat(stock.available()).isNotNegative())
                .allSatisfy(stock -> assertThat(stock.onHand()).isNotNegative());
        Ledger.assertMoneyConserved(shop, ended);
    }

    @Test
    void aRunOfMixedOutcomesConservesCopiesAndMoney() throws Exception {
        int initialStock = 30;
        String book = Books.addOrderable(shop, "The Mixed Fortunes", 3_300, initialStock);
        List<Customer> customers =
                IntStream.range(0, 10).mapToObj(i -> shop.newCustomer()).toList();
        Ledger ledger = new Ledger();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> orders = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Customer customer = customers.get(i % customers.size());
                int quantity = 1 + i % 3;
                String paymentMethod = i % 4 == 0 ? DECLINED : VISA;
                orders.add(threads.submit(
                        () -> ledger.add(customer, Orders.placeRetrying(customer, book, quantity, paymentMethod))));
            }
            for (Future<?> order : orders) {
                order.get();
            }
        }
        // Some customers change their minds once their orders are confirmed.
        List<JsonNode> firstEnds = ledger.awaitAllTerminal(Duration.ofMinutes(3));
        int cancelled = 0;
        for (int i = 0; i < firstEnds.size() && cancelled < 4; i++) {
            JsonNode order = firstEnds.get(i);
            if (order.get("status").asString().equals("CONFIRMED")) {
                ledger.ownerOf(order.get("id").asString())
                        .post("/api/orders/" + order.get("id").asString() + "/cancel", null)
                        .expect(200);
                cancelled++;
            }
        }
        assertThat(cancelled)
                .as("confirmed orders cancelled by their customers")
                .isEqualTo(4);

        List<JsonNode> ended = ledger.awaitAllTerminal(Duration.ofMinutes(1));
        assertThat(ended.stream().map(order -> order.get("status").asString()))
                .contains("CONFIRMED", "CANCELLED", "REJECTED");
        Ledger.assertStockConserved(shop, book, initialStock, ended);
        // Refunds of the cancelled orders are asynchronous: money conservation holds once they land.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> Ledger.assertMoneyConserved(shop, ended));
    }
}
