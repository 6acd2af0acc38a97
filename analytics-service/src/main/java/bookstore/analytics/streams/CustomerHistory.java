package bookstore.analytics.streams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One pseudonymous customer's orders, as analytics needs them for recency, frequency and monetary value: the day and
 * the net revenue of each order (returns subtract from the order they came from).
 */
public record CustomerHistory(List<Order> orders) {

    public CustomerHistory {
        orders = List.copyOf(orders);
    }

    /** One order: when, and what it brought in net. */
    public record Order(String orderId, LocalDate day, long revenue) {}

    public static final CustomerHistory NONE = new CustomerHistory(List.of());

    public CustomerHistory with(CustomerPurchase purchase) {
        List<Order> next = new ArrayList<>(orders);
        for (int i = 0; i < next.size(); i++) {
            Order order = next.get(i);
            if (order.orderId().equals(purchase.orderId())) {
                next.set(i, new Order(order.orderId(), order.day(), order.revenue() + purchase.revenue()));
                return new CustomerHistory(next);
            }
        }
        if (purchase.units() > 0) {
            next.add(new Order(purchase.orderId(), purchase.day(), purchase.revenue()));
        }
        return new CustomerHistory(next);
    }
}
