package bookstore.order.ordering.application;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Cancels and compensates orders whose answer from inventory or payment is overdue, so that every
 * accepted order ends even if another service never answers.
 */
@Service
public class TimingOutOrders {

    private final Orders orders;
    private final OrderChanges changes;
    private final OrderingProperties properties;
    private final Clock clock;

    TimingOutOrders(Orders orders, OrderChanges changes, OrderingProperties properties, Clock clock) {
        this.orders = orders;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Cancels one batch of overdue orders; tells how many it cancelled. */
    public Mono<Integer> cancelOverdue() {
        Instant now = clock.instant();
        return changes.changeBatch(
                orders.lockOverdue(now, properties.timeoutBatchSize()), (overdue, at) -> overdue.timeOut(at));
    }
}
