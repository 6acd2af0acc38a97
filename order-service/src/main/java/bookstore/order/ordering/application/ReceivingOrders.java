package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Receipt (确认收货): the customer confirms a delivered order, or the shop counts it received once it
 * has stayed delivered for {@code bookstore.orders.auto-receive-after}.
 */
@Service
public class ReceivingOrders {

    private final Orders orders;
    private final OrderChanges changes;
    private final OrderingProperties properties;
    private final Clock clock;

    ReceivingOrders(Orders orders, OrderChanges changes, OrderingProperties properties, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The customer who placed the order confirms its receipt. Someone else's order is not found, as
     * everywhere; an admin, who may see the order, is refused: receipt is the customer's word.
     */
    public Mono<Order> receive(Caller caller, String orderId) {
        return Accessible.ownOrder(orders, caller, orderId, "confirms its receipt")
                .flatMap(order -> changes.change(order.id(), (locked, now) -> locked.receive(now)));
    }

    /** Receives one batch of orders whose receipt window has passed; tells how many it received. */
    public Mono<Integer> receiveOverdue() {
        Instant now = clock.instant();
        return changes.changeBatch(
                orders.lockDeliveredBefore(now.minus(properties.autoReceiveAfter()), properties.timeoutBatchSize()),
                (delivered, at) -> delivered.receiveAutomatically(at, properties.autoReceiveAfter()));
    }
}
