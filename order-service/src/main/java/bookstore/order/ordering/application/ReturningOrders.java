package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.pricing.domain.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Returns (退货) and partial refunds. The customer asks, sends back or withdraws; an admin approves,
 * rejects, records the parcel received, or refunds part of an order without a return; steps nobody
 * takes in time are taken by the after-sale scan. Every step locks the order, so returns and refunds
 * of one order never race each other's checks.
 */
@Service
public class ReturningOrders {

    private final Orders orders;
    private final OrderChanges changes;
    private final OrderingProperties properties;
    private final Clock clock;

    ReturningOrders(Orders orders, OrderChanges changes, OrderingProperties properties, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The customer asks to return copies of their order; the order with the new return. */
    public Mono<Order> request(Caller caller, String orderId, List<Order.ReturnItem> items, String reason) {
        String returnId = UUID.randomUUID().toString();
        return customers(
                caller,
                orderId,
                "asks to return it",
                (order, now) -> order.requestReturn(returnId, items, reason, now, properties.returnPolicy()));
    }

    public Mono<Order> withdraw(Caller caller, String orderId, String returnId) {
        return customers(caller, orderId, "withdraws its returns", (order, now) -> order.withdrawReturn(returnId, now));
    }

    public Mono<Order> sendBack(Caller caller, String orderId, String returnId, String carrier, String trackingNumber) {
        return customers(
                caller,
                orderId,
                "sends its returns back",
                (order, now) -> order.sendBack(returnId, carrier, trackingNumber, now, properties.returnPolicy()));
    }

    public Mono<Order> approve(String orderId, String returnId) {
        return changes.changeExisting(
                orderId, (order, now) -> order.approveReturn(returnId, now, properties.returnPolicy()));
    }

    public Mono<Order> reject(String orderId, String returnId, String reason) {
        return changes.changeExisting(orderId, (order, now) -> order.rejectReturn(returnId, reason, now));
    }

    public Mono<Order> receive(String orderId, String returnId, List<Order.ReturnedCopies> copies) {
        return changes.changeExisting(orderId, (order, now) -> order.receiveReturn(returnId, copies, now));
    }

    /** An admin refunds part of a paid order without a return; {@code amount} in the order's currency. */
    public Mono<Order> refund(String orderId, long amount, String reason) {
        String refundId = UUID.randomUUID().toString();
        return changes.changeExisting(
                orderId,
                (order, now) -> order.refund(
                        refundId, new Money(Math.max(0, amount), order.total().currency()), reason, now));
    }

    /** Moves on one batch of returns whose step has timed out; tells how many orders it handled. */
    public Mono<Integer> timeOutOverdue() {
        Instant now = clock.instant();
        return changes.changeBatch(
                orders.lockAfterSaleDue(now, properties.timeoutBatchSize()),
                (order, at) -> order.timeOutReturns(at, properties.returnPolicy()));
    }

    private Mono<Order> customers(Caller caller, String orderId, String what, BiConsumer<Order, Instant> change) {
        return Accessible.ownOrder(orders, caller, orderId, what).flatMap(order -> changes.change(order.id(), change));
    }
}
