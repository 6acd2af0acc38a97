package bookstore.order.ordering.web;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderStatus;
import bookstore.order.ordering.domain.Shipment;
import bookstore.order.ordering.domain.ShippingAddress;
import bookstore.order.pricing.domain.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order on the wire.
 *
 * @param customerId the account that placed it (its owner; admins see whose each order is)
 * @param failureReason why a rejected or cancelled order ended so; otherwise null
 * @param refunded what payment gave back after a cancellation; null until it reports a refund
 */
record OrderResource(
        String id,
        String customerId,
        OrderStatus status,
        List<Item> items,
        Money total,
        List<StatusChange> statusHistory,
        String failureReason,
        Instant placedAt,
        ShippingAddress shippingAddress,
        String paymentMethod,
        Shipment shipment,
        Money refunded) {

    static OrderResource of(Order order) {
        return new OrderResource(
                order.id().toString(),
                order.customerId(),
                order.status(),
                order.lines().stream()
                        .map(line -> new Item(
                                line.bookId(), line.title(), line.quantity(), line.unitPrice(), line.lineTotal()))
                        .toList(),
                order.total(),
                order.history().stream()
                        .map(change -> new StatusChange(change.status(), change.at(), change.reason()))
                        .toList(),
                order.failureReason(),
                order.placedAt(),
                order.shippingAddress(),
                order.paymentMethod(),
                order.shipment(),
                order.refunded());
    }

    record Item(String bookId, String title, int quantity, Money unitPrice, Money lineTotal) {}

    record StatusChange(OrderStatus status, Instant at, String reason) {}
}
