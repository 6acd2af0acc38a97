package bookstore.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The orders a test placed, and the shop-wide invariants they must leave intact: every order ends,
 * copies are conserved, and the money taken is the money of the confirmed orders.
 */
public final class Ledger {

    public record Placed(Customer owner, String orderId) {}

    private final Collection<Placed> placed = new ConcurrentLinkedQueue<>();

    /** An order the shop accepted: 202, or 200 when a retry found the order its first attempt made. */
    public void add(Customer owner, Response accepted) {
        if (accepted.status() != 200) {
            accepted.expect(202);
        }
        placed.add(new Placed(owner, accepted.json().get("id").asString()));
    }

    public int size() {
        return placed.size();
    }

    public Customer ownerOf(String orderId) {
        return placed.stream()
                .filter(order -> order.orderId().equals(orderId))
                .findFirst()
                .orElseThrow()
                .owner();
    }

    /**
     * Waits until every order is CONFIRMED, REJECTED or CANCELLED, reading each owner's order listing; the orders as
     * their owners see them, in the order they were placed.
     */
    public List<JsonNode> awaitAllTerminal(Duration atMost) {
        Map<Customer, Set<String>> byOwner = placed.stream()
                .collect(Collectors.groupingBy(
                        Placed::owner, LinkedHashMap::new, Collectors.mapping(Placed::orderId, Collectors.toSet())));
        Map<String, JsonNode> ended = new HashMap<>();
        byOwner.forEach((owner, orderIds) -> await("the orders of " + owner.email() + " ended")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Map<String, JsonNode> mine = new HashMap<>();
                    Listings.allUnlessShed(owner, "/api/orders").orElse(List.of()).stream()
                            .filter(order -> orderIds.contains(order.get("id").asString()))
                            .filter(order ->
                                    Orders.TERMINAL.contains(order.get("status").asString()))
                            .forEach(order -> mine.put(order.get("id").asString(), order));
                    ended.putAll(mine);
                    return mine.keySet().containsAll(orderIds);
                }));
        return placed.stream().map(order -> ended.get(order.orderId())).toList();
    }

    /**
     * Copies: what the book started with is on the shelf, reserved, or sold to an order that was paid and not
     * cancelled, less the copies customers returned that went back on the shelf; the returned copies inspection
     * found damaged are written off, and inventory counts both kinds as the orders' returns say.
     */
    public static void assertStockConserved(Shop shop, String bookId, int initialStock, List<JsonNode> orders) {
        int sold = orders.stream()
                .filter(order -> Orders.PAID.contains(order.get("status").asString()))
                .flatMap(order -> order.get("items").valueStream())
                .filter(item -> item.get("bookId").asString().equals(bookId))
                .mapToInt(item -> item.get("quantity").asInt())
                .sum();
        int resalable = returnedCopies(orders, bookId, "resalable");
        int damaged = returnedCopies(orders, bookId, "damaged");
        Books.Stock stock = Books.stock(shop, bookId);
        assertThat(stock.reserved())
                .as("copies still reserved once every order ended")
                .isZero();
        assertThat(stock.available()).as("available copies").isGreaterThanOrEqualTo(0);
        assertThat(stock.available() + stock.reserved() + sold - resalable)
                .as(
                        "initial stock = available + reserved + sold − returned to stock (%s, sold %d, returned %d)",
                        stock, sold, resalable)
                .isEqualTo(initialStock);
        assertThat(Books.returned(shop, bookId))
                .as("copies inventory took back from customers, on the shelf and written off")
                .isEqualTo(new Books.Returned(resalable, damaged));
    }

    /** The copies of the book that came back in these orders' returns and that inspection found so. */
    private static int returnedCopies(List<JsonNode> orders, String bookId, String found) {
        return orders.stream()
                .flatMap(order -> order.get("returns").valueStream())
                .flatMap(held -> held.get("items").valueStream())
                .filter(item -> item.get("bookId").asString().equals(bookId))
                .filter(item -> !item.get(found).isNull())
                .mapToInt(item -> item.get(found).asInt())
                .sum();
    }

    /** Every return of these orders has ended, and no refund still waits for payment. */
    public static void assertAfterSaleEnded(List<JsonNode> orders) {
        assertThat(orders.stream()
                        .flatMap(order -> order.get("returns").valueStream())
                        .map(held -> held.get("status").asString()))
                .as("the status of every return")
                .allMatch(Orders.RETURN_ENDED::contains);
        assertThat(orders.stream()
                        .flatMap(order -> order.get("refunds").valueStream())
                        .map(refund -> refund.get("status").asString()))
                .as("the status of every partial refund")
                .doesNotContain("PENDING");
    }

    /**
     * Money: charges minus refunds, over these orders' payments, is what the orders that were paid and not
     * cancelled cost, less what their partial refunds (of returns, or without one) gave back. A refund goes
     * back through the provider after its order has ended, so a caller right after the orders ended waits
     * for it with {@link #awaitMoneyConserved}.
     */
    public static void assertMoneyConserved(Shop shop, List<JsonNode> orders) {
        Map<String, Long> owed = new HashMap<>();
        long paid = 0;
        long refundedLines = 0;
        for (JsonNode order : orders) {
            long kept = 0;
            if (Orders.PAID.contains(order.get("status").asString())) {
                long total = order.get("total").get("amount").asLong();
                long givenBack = order.get("refunds")
                        .valueStream()
                        .filter(refund -> refund.get("status").asString().equals("REFUNDED"))
                        .mapToLong(refund -> refund.get("amount").get("amount").asLong())
                        .sum();
                paid += total;
                refundedLines += givenBack;
                kept = total - givenBack;
            }
            owed.put(order.get("id").asString(), kept);
        }
        // Keyed by payment id: a payment made while the listing was being read may shift one onto two pages.
        Map<String, JsonNode> payments = new HashMap<>();
        Listings.all(shop.admin(), "/api/payments").stream()
                .filter(payment -> owed.containsKey(payment.get("orderId").asString()))
                .forEach(payment -> payments.put(payment.get("id").asString(), payment));
        long charged = 0;
        long refunded = 0;
        Map<String, Long> held = new HashMap<>();
        for (JsonNode payment : payments.values()) {
            String status = payment.get("status").asString();
            long taken = status.equals("SUCCEEDED") || status.equals("REFUNDED")
                    ? payment.get("amount").get("amount").asLong()
                    : 0;
            long givenBack = payment.get("refunded").get("amount").asLong();
            charged += taken;
            refunded += givenBack;
            held.merge(payment.get("orderId").asString(), taken - givenBack, Long::sum);
        }
        List<String> unsettled = orders.stream()
                .filter(order -> {
                    String id = order.get("id").asString();
                    return held.getOrDefault(id, 0L).longValue() != owed.get(id).longValue();
                })
                .map(order -> describe(order, payments.values()))
                .toList();
        assertThat(charged - refunded)
                .as(
                        "charges %d − refunds %d = the paid orders' totals %d − their refunded lines %d; orders whose"
                                + " payments hold other than they owe: %s",
                        charged, refunded, paid, refundedLines, unsettled)
                .isEqualTo(paid - refundedLines);
    }

    /** {@link #assertMoneyConserved}, once the refunds of orders that ended cancelled have gone back. */
    public static void awaitMoneyConserved(Shop shop, List<JsonNode> orders, Duration atMost) {
        await("money conserved")
                .atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertMoneyConserved(shop, orders));
    }

    private static String describe(JsonNode order, Collection<JsonNode> payments) {
        String id = order.get("id").asString();
        return "order %s %s (%s, total %d): payments %s"
                .formatted(
                        id,
                        order.get("status").asString(),
                        order.path("failureReason").asString(""),
                        order.get("total").get("amount").asLong(),
                        payments.stream()
                                .filter(payment ->
                                        payment.get("orderId").asString().equals(id))
                                .map(payment -> "%s %s charged %d refunded %d"
                                        .formatted(
                                                payment.get("id").asString(),
                                                payment.get("status").asString(),
                                                payment.get("amount")
                                                        .get("amount")
                                                        .asLong(),
                                                payment.get("refunded")
                                                        .get("amount")
                                                        .asLong()))
                                .toList());
    }
}
