package bookstore.systemtests.support;

import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Orders for one book placed one after another in the background by a few customers, each sent
 * again with its key while the shop sheds load, so that a test can take a part of the shop away in
 * the middle of the run and then check that every accepted order ended with copies and money
 * conserved.
 */
public final class RunOfOrders implements AutoCloseable {

    private final Shop shop;
    private final String book;
    private final int initialStock;
    private final int orders;
    private final Ledger ledger = new Ledger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Future<?> run;

    private RunOfOrders(Shop shop, String book, int initialStock, int orders, List<Customer> customers) {
        this.shop = shop;
        this.book = book;
        this.initialStock = initialStock;
        this.orders = orders;
        run = threads.submit(() -> {
            for (int i = 0; i < orders; i++) {
                Customer customer = customers.get(i % customers.size());
                ledger.add(customer, Orders.placeRetrying(customer, book, 1 + i % 2, VISA));
            }
        });
    }

    /** Starts placing {@code orders} orders of one or two copies of a new book with {@code initialStock} copies. */
    public static RunOfOrders start(Shop shop, String title, int initialStock, int orders) {
        String book = Books.addOrderable(shop, title, 1_900, initialStock);
        List<Customer> customers =
                IntStream.range(0, 6).mapToObj(i -> shop.newCustomer()).toList();
        return new RunOfOrders(shop, book, initialStock, orders, customers);
    }

    /** Waits until a third of the orders were accepted: the middle of the run. */
    public void awaitAThirdAccepted() {
        await("a third of the orders accepted").atMost(Duration.ofMinutes(1)).until(() -> ledger.size() >= orders / 3);
    }

    /** Waits until every order was sent and accepted. */
    public void awaitAllAccepted() throws InterruptedException, ExecutionException {
        run.get();
        assertThat(ledger.size()).isEqualTo(orders);
    }

    /** Every accepted order ends; some were confirmed; copies and money are conserved. */
    public void assertAllEndedAndConserved() {
        List<JsonNode> ended = ledger.awaitAllTerminal(Duration.ofMinutes(3));
        assertThat(ended).hasSize(orders);
        assertThat(ended.stream().filter(order -> order.get("status").asString().equals("CONFIRMED")))
                .isNotEmpty();
        Ledger.assertStockConserved(shop, book, initialStock, ended);
        Ledger.assertMoneyConserved(shop, ended);
    }

    @Override
    public void close() {
        threads.close();
    }
}
