package bookstore.order.ordering.application;

import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderId;
import bookstore.order.ordering.domain.PaymentAction;
import bookstore.order.pricing.domain.Money;
import bookstore.platform.observability.TracedLogging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Moves orders on as inventory and payment answer, a batch of answers at a time: the batch's orders
 * are locked with one statement (in id order), each answer is applied in the order it came, and the
 * changed orders are saved with one statement. Locking means answers for one order never interleave
 * with a customer's cancel or with a timeout; the order decides whether an answer moves it on,
 * repeats one it had (and changes nothing), or comes too late and must be compensated.
 */
@Service
public class AdvancingSaga {

    private static final Logger log = LoggerFactory.getLogger(AdvancingSaga.class);

    private final Orders orders;
    private final OrderChanges changes;
    private final TransactionalOperator transactions;
    private final OrderingProperties properties;

    AdvancingSaga(
            Orders orders, OrderChanges changes, TransactionalOperator transactions, OrderingProperties properties) {
        this.orders = orders;
        this.changes = changes;
        this.transactions = transactions;
        this.properties = properties;
    }

    public Answer stockReserved(String orderId) {
        return new Answer(orderId, "StockReserved", (order, now) -> order.stockReserved(now, properties.timeouts()));
    }

    public Answer stockReservationFailed(String orderId, String reason) {
        return new Answer(orderId, "StockReservationFailed", (order, now) -> order.stockReservationFailed(reason, now));
    }

    public Answer paymentSucceeded(String orderId, String paymentId) {
        return new Answer(orderId, "PaymentSucceeded", (order, now) -> order.paymentSucceeded(paymentId, now));
    }

    public Answer paymentActionRequired(String orderId, PaymentAction action) {
        return new Answer(orderId, "PaymentActionRequired", (order, now) -> order.paymentActionRequired(action, now));
    }

    public Answer paymentFailed(String orderId, String reason) {
        return new Answer(orderId, "PaymentFailed", (order, now) -> order.paymentFailed(reason, now));
    }

    public Answer paymentRefunded(String orderId, Money amount) {
        return new Answer(orderId, "PaymentRefunded", (order, now) -> order.paymentRefunded(amount));
    }

    public Answer returnRestocked(String orderId, String returnId) {
        return new Answer(orderId, "ReturnRestocked", (order, now) -> order.returnRestocked(returnId, now));
    }

    public Answer amountRefunded(String orderId, String refundId, Money totalRefunded) {
        return new Answer(
                orderId, "AmountRefunded", (order, now) -> order.amountRefunded(refundId, totalRefunded, now));
    }

    public Answer refundRefused(String orderId, String refundId, String reason) {
        return new Answer(orderId, "RefundRefused", (order, now) -> order.refundRefused(refundId, reason, now));
    }

    /** Applies a batch of answers, in their order, in one transaction. */
    public Mono<Void> apply(List<Received> received) {
        List<Received> ofOrders = new ArrayList<>();
        for (Received answer : received) {
            if (OrderId.parseOrNull(answer.answer().orderId()) == null) {
                log.warn(
                        "Ignoring {} for '{}', which is not an order id",
                        answer.answer().name(),
                        answer.answer().orderId());
            } else {
                ofOrders.add(answer);
            }
        }
        if (ofOrders.isEmpty()) {
            return Mono.empty();
        }
        List<OrderId> ids = ofOrders.stream()
                .map(answer -> OrderId.parseOrNull(answer.answer().orderId()))
                .distinct()
                .toList();
        return transactions.transactional(orders.lockAll(ids).flatMap(locked -> {
            Map<OrderId, Order> byId = locked.stream().collect(Collectors.toMap(Order::id, Function.identity()));
            List<OrderChanges.Change> known = new ArrayList<>();
            List<Mono<Void>> unknown = new ArrayList<>();
            for (Received answer : ofOrders) {
                Order order = byId.get(OrderId.parseOrNull(answer.answer().orderId()));
                if (order == null) {
                    // An answer about an order this service never placed cannot be acted on; retrying would not help.
                    unknown.add(answer.inItsTrace()
                            .apply(TracedLogging.log(() -> log.warn(
                                    "Ignoring {} for unknown order {}",
                                    answer.answer().name(),
                                    answer.answer().orderId()))));
                } else {
                    known.add(new OrderChanges.Change(order, answer.answer().change(), answer.inItsTrace()));
                }
            }
            return Mono.when(unknown).then(changes.apply(known));
        }));
    }

    /**
     * What an answer does to its order.
     *
     * @param name the answer's event, for the log
     */
    public record Answer(String orderId, String name, BiConsumer<Order, Instant> change) {}

    /**
     * An answer as it arrived.
     *
     * @param inItsTrace runs work for this answer in the trace of the record that carried it
     */
    public record Received(Answer answer, UnaryOperator<Mono<Void>> inItsTrace) {}
}
