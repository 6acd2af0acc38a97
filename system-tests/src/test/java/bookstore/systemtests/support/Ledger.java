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

    /** Copies: what the book started with is on the shelf, reserved, or sold to a confirmed order. */
    public static void assertStockConserved(Shop shop, String bookId, int initialStock, List<JsonNode> orders) {
        int sold = orders.stream()
                .filter(order -> order.get("status").asString().equals("CONFIRMED"))
                .flatMap(order -> order.get("items").valueStream())
                .filter(item -> item.get("bookId").asString().equals(bookId))
                .mapToInt(item -> item.get("quantity").asInt())
                .sum();
        Books.Stock stock = Books.stock(shop, bookId);
        assertThat(stock.reserved())
                .as("copies still reserved once every order ended")
                .isZero();
        assertThat(stock.available()).as("available copies").isGreaterThanOrEqualTo(0);
        assertThat(stock.available() + stock.reserved() + sold)
                .as("initial stock = available + reserved + sold (%s, sold %d)", stock, sold)
                .isEqualTo(initialStock);
    }

    /** Money: charges minus refunds, over these orders' payments, is what the confirmed orders cost. */
    public static void assertMoneyConserved(Shop shop, List<JsonNode> orders) {
        long confirmed = orders.stream()
                .filter(order -> order.get("status").asString().equals("CONFIRMED"))
                .mapToLong(order -> order.get("total").get("amount").asLong())
                .sum();
        Set<String> orderIds =
                orders.stream().map(order -> order.get("id").asString()).collect(Collectors.toSet());
        // Keyed by payment id: a payment made while the listing was being read may shift one onto two pages.
        Map<String, JsonNode> payments = new HashMap<>();
        Listings.all(shop.admin(), "/api/payments").stream()
                .filter(payment -> orderIds.contains(payment.get("orderId").asString()))
                .forEach(payment -> payments.put(payment.get("id").asString(), payment));
        long charged = 0;
        long refunded = 0;
        for (JsonNode payment : payments.values()) {
            String status = payment.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("REFUNDED")) {
                charged += payment.get("amount").get("amount").asLong();
            }
            refunded += payment.get("refunded").get("amount").asLong();
        }
        assertThat(charged - refunded)
                .as("charges %d − refunds %d = the confirmed orders' totals", charged, refunded)
                .isEqualTo(confirmed);
    }
}
