package bookstore.systemtests.support;

import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Orders for one book placed one after another in the background by a few customers, each sent
 * again with its key while the shop sheds load, so that a test can take a part of the shop away in
 * the middle of the run and then check that every accepted order ended with copies and money
 * conserved. A run places a given number of orders, or one order per pace until it is finished.
 */
public final class RunOfOrders implements AutoCloseable {

    private static final Duration LAST_ORDER_ACCEPTED = Duration.ofMinutes(3);

    private final Shop shop;
    private final String book;
    private final int initialStock;
    private final List<Customer> customers;
    private final Ledger ledger = new Ledger();
    /** Orders the background has begun to place, and those placed at once by {@link #placeNow()} and accepted. */
    private final AtomicInteger sent = new AtomicInteger();

    private final AtomicInteger acceptedAtOnce = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ScheduledExecutorService background =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final int orders;

    private RunOfOrders(Shop shop, String book, int initialStock, int orders, List<Customer> customers) {
        this.shop = shop;
        this.book = book;
        this.initialStock = initialStock;
        this.orders = orders;
        this.customers = customers;
    }

    /** Starts placing {@code orders} orders of one or two copies of a new book with {@code initialStock} copies. */
    public static RunOfOrders start(Shop shop, String title, int initialStock, int orders) {
        RunOfOrders run = prepare(shop, title, initialStock, orders);
        run.background.execute(() -> {
            for (int i = 0; i < orders && run.failure.get() == null; i++) {
                run.placeNext();
            }
        });
        return run;
    }

    /**
     * Starts placing an order of one or two copies of a new book with {@code initialStock} copies, one
     * after the other with {@code pace} between them, until {@link #awaitAllAccepted()} finishes the run.
     */
    public static RunOfOrders paced(Shop shop, String title, int initialStock, Duration pace) {
        RunOfOrders run = prepare(shop, title, initialStock, Integer.MAX_VALUE);
        run.background.scheduleWithFixedDelay(run::placeNext, 0, pace.toMillis(), TimeUnit.MILLISECONDS);
        return run;
    }

    private static RunOfOrders prepare(Shop shop, String title, int initialStock, int orders) {
        String book = Books.addOrderable(shop, title, 1_900, initialStock);
        List<Customer> customers =
                IntStream.range(0, 6).mapToObj(i -> shop.newCustomer()).toList();
        return new RunOfOrders(shop, book, initialStock, orders, customers);
    }

    /** Places the next order, asking again while the shop sheds it; a failure ends the run and fails it. */
    private void placeNext() {
        if (failure.get() != null) {
            return;
        }
        int i = sent.getAndIncrement();
        Customer customer = customers.get(i % customers.size());
        try {
            ledger.add(customer, Orders.placeRetrying(customer, book, 1 + i % 2, VISA));
        } catch (RuntimeException | AssertionError e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Places one more order at once, asking once: the shop's answer, whatever it is. An accepted order
     * joins the run's, to end and be conserved with them.
     */
    public Response placeNow() {
        int i = acceptedAtOnce.get();
        Customer customer = customers.get(i % customers.size());
        Response answer = Orders.place(customer, book, 1 + i % 2, VISA);
        if (answer.status() == 202) {
            ledger.add(customer, answer);
            acceptedAtOnce.incrementAndGet();
        }
        return answer;
    }

    /** The customers who place the run's orders. */
    public List<Customer> customers() {
        return customers;
    }

    /** The book the run's orders buy. */
    public String book() {
        return book;
    }

    /** How many of the run's orders the shop accepted so far. */
    public int accepted() {
        return ledger.size();
    }

    /** Waits until a third of the orders were accepted: the middle of the run. */
    public void awaitAThirdAccepted() {
        await("a third of the orders accepted").atMost(Duration.ofMinutes(1)).until(() -> ledger.size() >= orders / 3);
    }

    /** Waits until {@code count} orders were accepted. */
    public void awaitAccepted(int count) {
        await(count + " orders accepted").atMost(Duration.ofMinutes(1)).until(() -> ledger.size() >= count);
    }

    /**
     * Waits until every order was sent and accepted; a paced run places no more orders after the one
     * it is placing now.
     */
    public void awaitAllAccepted() throws InterruptedException {
        background.shutdown();
        assertThat(background.awaitTermination(LAST_ORDER_ACCEPTED.toMillis(), TimeUnit.MILLISECONDS))
                .as("the run's last order accepted within %s", LAST_ORDER_ACCEPTED)
                .isTrue();
        assertThat(failure.get()).as("a failure placing the run's orders").isNull();
        assertThat(ledger.size()).isEqualTo(sent.get() + acceptedAtOnce.get());
    }

    /** Every accepted order ends; some were confirmed; copies and money are conserved. */
    public void assertAllEndedAndConserved() {
        List<JsonNode> ended = ledger.awaitAllTerminal(Duration.ofMinutes(3));
        assertThat(ended).hasSize(sent.get() + acceptedAtOnce.get());
        assertThat(ended.stream().filter(order -> order.get("status").asString().equals("CONFIRMED")))
                .isNotEmpty();
        Ledger.assertStockConserved(shop, book, initialStock, ended);
        // A cancelled order's refund goes back through the provider after the order ended; a provider call
        // whose answer a kill or an outage lost is taken again once its lease ends, or after its back-off.
        Ledger.awaitMoneyConserved(shop, ended, Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
