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
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        int initialStock = 45;
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
        Ledger.awaitMoneyConserved(shop, ended, Duration.ofMinutes(1));

        afterTheSale(
                ledger,
                ended.stream()
                        .filter(order -> order.get("status").asString().equals("CONFIRMED"))
                        .toList());
        AtomicReference<List<JsonNode>> ends = new AtomicReference<>();
        await("every return and refund ended").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<JsonNode> orders = ledger.awaitAllTerminal(Duration.ofMinutes(1));
            Ledger.assertAfterSaleEnded(orders);
            ends.set(orders);
        });
        List<JsonNode> afterSale = ends.get();
        assertThat(afterSale.stream()
                        .flatMap(order -> order.get("returns").valueStream())
                        .map(held -> held.get("status").asString()))
                .containsExactlyInAnyOrder("COMPLETED", "COMPLETED", "REJECTED", "CANCELLED");
        assertThat(afterSale.stream().map(order -> order.get("status").asString()))
                .contains("RECEIVED");
        Ledger.assertStockConserved(shop, book, initialStock, afterSale);
        Ledger.assertMoneyConserved(shop, afterSale);
    }

    /**
     * Five confirmed orders go through the after-sale flows: all are shipped and the sandbox carrier
     * delivers them; one customer returns a copy and sends it back, another returns two (one arrives
     * damaged), a third return is rejected, a fourth withdrawn, and the fifth order is refunded in part
     * without a return. Then every customer confirms receipt.
     */
    private void afterTheSale(Ledger ledger, List<JsonNode> confirmed) {
        JsonNode twoCopies = confirmed.stream()
                .filter(order -> order.get("items").get(0).get("quantity").asInt() >= 2)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no confirmed order of two copies or more"));
        List<JsonNode> others =
                confirmed.stream().filter(order -> order != twoCopies).limit(4).toList();
        assertThat(others).as("confirmed orders for the after-sale flows").hasSize(4);
        List<JsonNode> chosen = new ArrayList<>(others);
        chosen.add(twoCopies);
        Customer admin = shop.admin();
        for (JsonNode order : chosen) {
            String id = order.get("id").asString();
            admin.post(
                            "/api/orders/" + id + "/ship",
                            Map.of("carrier", "shunfeng", "trackingNumber", "SF" + id.substring(0, 8)))
                    .expect(200);
        }
        for (JsonNode order : chosen) {
            String id = order.get("id").asString();
            Orders.awaitStatus(ledger.ownerOf(id), id, Set.of("DELIVERED"), Duration.ofSeconds(60));
        }

        String sentBack = requestReturn(ledger, others.get(0), 1);
        admin.post(sentBack + "/approve", null).expect(200);
        ledger.ownerOf(others.get(0).get("id").asString())
                .post(sentBack + "/send-back", Map.of())
                .expect(200);
        admin.post(sentBack + "/receive", Map.of("copies", List.of(copies(others.get(0), 1, 0))))
                .expect(200);

        String partlyDamaged = requestReturn(ledger, twoCopies, 2);
        admin.post(partlyDamaged + "/approve", null).expect(200);
        admin.post(partlyDamaged + "/receive", Map.of("copies", List.of(copies(twoCopies, 1, 1))))
                .expect(200);

        admin.post(requestReturn(ledger, others.get(1), 1) + "/reject", Map.of("reason", "opened and read"))
                .expect(200);
        ledger.ownerOf(others.get(2).get("id").asString())
                .post(requestReturn(ledger, others.get(2), 1) + "/withdraw", null)
                .expect(200);
        admin.post(
                        "/api/orders/" + others.get(3).get("id").asString() + "/refunds",
                        Map.of("amount", 1_000, "reason", "dented corner, customer keeps it"))
                .expect(201);

        for (JsonNode order : chosen) {
            String id = order.get("id").asString();
            ledger.ownerOf(id).post("/api/orders/" + id + "/receive", null).expect(200);
        }
    }

    /** The order's customer asks to return copies of its one line; the path of the new return. */
    private static String requestReturn(Ledger ledger, JsonNode order, int quantity) {
        String id = order.get("id").asString();
        JsonNode returned = ledger.ownerOf(id)
                .post(
                        "/api/orders/" + id + "/returns",
                        Map.of(
                                "items",
                                List.of(Map.of("bookId", bookOf(order), "quantity", quantity)),
                                "reason",
                                "not what I expected"))
                .expect(201)
                .json()
                .get("returns");
        return "/api/orders/" + id + "/returns/"
                + returned.get(returned.size() - 1).get("id").asString();
    }

    private static Map<String, Object> copies(JsonNode order, int resalable, int damaged) {
        return Map.of("bookId", bookOf(order), "resalable", resalable, "damaged", damaged);
    }

    private static String bookOf(JsonNode order) {
        return order.get("items").get(0).get("bookId").asString();
    }
}
