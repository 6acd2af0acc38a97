package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.order.pricing.domain.Money;
import bookstore.platform.observability.TracedLogging;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moves orders on as inventory and payment answer. Each answer is applied to the locked order, so
 * answers for one order never interleave with each other, with a customer's cancel or with a
 * timeout; the order decides whether the answer moves it on, repeats one it had, or comes too late
 * and must be compensated.
 */
@Service
public class AdvancingSaga {

    private static final Logger log = LoggerFactory.getLogger(AdvancingSaga.class);

    private final OrderChanges changes;
    private final OrderingProperties properties;

    AdvancingSaga(OrderChanges changes, OrderingProperties properties) {
        this.changes = changes;
        this.properties = properties;
    }

    public Mono<Void> stockReserved(String orderId) {
        return change(orderId, "StockReserved", (order, now) -> order.stockReserved(now, properties.timeouts()));
    }

    public Mono<Void> stockReservationFailed(String orderId, String reason) {
        return change(orderId, "StockReservationFailed", (order, now) -> order.stockReservationFailed(reason, now));
    }

    public Mono<Void> paymentSucceeded(String orderId, String paymentId) {
        return change(orderId, "PaymentSucceeded", (order, now) -> order.paymentSucceeded(paymentId, now));
    }

    public Mono<Void> paymentFailed(String orderId, String reason) {
        return change(orderId, "PaymentFailed", (order, now) -> order.paymentFailed(reason, now));
    }

    public Mono<Void> paymentRefunded(String orderId, Money amount) {
        return change(orderId, "PaymentRefunded", (order, now) -> order.paymentRefunded(amount));
    }

    private Mono<Void> change(String orderId, String answer, BiConsumer<Order, Instant> change) {
        OrderId id = OrderId.parseOrNull(orderId);
        if (id == null) {
            log.warn("Ignoring {} for '{}', which is not an order id", answer, orderId);
            return Mono.empty();
        }
        // An answer about an order this service never placed cannot be acted on; retrying would not help.
        return changes.change(id, change)
                .switchIfEmpty(TracedLogging.log(() -> log.warn("Ignoring {} for unknown order {}", answer, orderId)))
                .then();
    }
}
