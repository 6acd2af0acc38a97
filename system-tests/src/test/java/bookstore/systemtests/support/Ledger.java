package bookstore.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    /** Waits until every order is CONFIRMED, REJECTED or CANCELLED; the orders as their owners see them. */
    public List<JsonNode> awaitAllTerminal(Duration atMost) {
        List<JsonNode> orders = new ArrayList<>();
        for (Placed order : placed) {
            orders.add(Orders.awaitStatus(order.owner(), order.orderId(), Orders.TERMINAL, atMost));
        }
        return orders;
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
        long charged = 0;
        long refunded = 0;
        for (JsonNode order : orders) {
            JsonNode payments = shop.admin()
                    .get("/api/payments?size=100&orderId=" + order.get("id").asString())
                    .expect(200)
                    .json()
                    .get("items");
            for (JsonNode payment : payments) {
                String status = payment.get("status").asString();
                if (status.equals("SUCCEEDED") || status.equals("REFUNDED")) {
                    charged += payment.get("amount").get("amount").asLong();
                }
                refunded += payment.get("refunded").get("amount").asLong();
            }
        }
        assertThat(charged - refunded)
                .as("charges %d − refunds %d = the confirmed orders' totals", charged, refunded)
                .isEqualTo(confirmed);
    }
}
