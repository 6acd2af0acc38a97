package bookstore.payment.payments.application;

import bookstore.payment.payments.application.OrderRequests.Answer;
import bookstore.payment.payments.application.OrderRequests.Applied;
import bookstore.payment.payments.application.Payments.CancelledOrder;
import bookstore.platform.observability.CurrentTrace;
import bookstore.platform.observability.TracedLogging;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes the order saga's charges and refunds a batch at a time, in one transaction and a statement
 * or two per kind of write, applying each order's requests in the order they were sent:
 *
 * <ol>
 *   <li>the batch's orders are locked, so a refund and a charge of one order never pass each other;
 *   <li>orders whose first request is a charge get their payment with one insert, unless they have
 *       one already or were cancelled before they were charged;
 *   <li>the payments of the other orders are read and locked with one select;
 *   <li>what changed on them is saved with one update, orders refunded before they had a payment are
 *       remembered with one insert, and the answers go to the outbox, each in its request's trace.
 * </ol>
 *
 * <p>One payment per order, however often the saga asks: a request delivered again finds the state
 * it left and changes nothing. The provider is called after the transaction commits: the calls it
 * made due (a new charge above all) are handed to the worker in memory, leased in the same
 * transaction so that a crash leaves them to the worker's poll.
 */
@Service
public class TakingSagaCommands {

    private static final Logger log = LoggerFactory.getLogger(TakingSagaCommands.class);

    private final Payments payments;
    private final PaymentProviders providers;
    private final PaymentMessages messages;
    private final HandedOverCalls handedOver;
    private final TransactionalOperator transactions;
    private final CurrentTrace trace;
    private final PaymentProperties properties;
    private final Clock clock;

    TakingSagaCommands(
            Payments payments,
            PaymentProviders providers,
            PaymentMessages messages,
            HandedOverCalls handedOver,
            TransactionalOperator transactions,
            CurrentTrace trace,
            PaymentProperties properties,
            Clock clock) {
        this.payments = payments;
        this.providers = providers;
        this.messages = messages;
        this.handedOver = handedOver;
        this.transactions = transactions;
        this.trace = trace;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes the requests, in their order; completes when their effects are durable. */
    public Mono<Void> take(List<SagaCommand> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        // Read in each request's own trace: a payment keeps it for the provider's later answers.
        return Flux.fromIterable(batch)
                .concatMap(command -> command.trace().run(trace.traceparent()))
                .collectList()
                .flatMap(traceparents -> transactions.transactional(Mono.defer(() -> takeAll(
                        batch,
                        traceparents.stream().map(found -> found.orElse(null)).toList(),
                        clock.instant()))));
    }

    private Mono<Void> takeAll(List<SagaCommand> batch, List<String> traceparents, Instant now) {
        var orders = OrderRequests.of(batch.stream().map(SagaCommand::request).toList(), traceparents);
        return payments.lockOrders(orders.stream().map(OrderRequests::orderId).toList())
                .then(Mono.defer(() -> openPayments(orders, now)))
                .flatMap(opened -> applyToStored(orders, opened, now))
                .flatMap(applied -> save(applied, batch));
    }

    /** Opens the payments of orders whose first request is a charge; tells those that were stored. */
    private Mono<Map<String, Applied>> openPayments(List<OrderRequests> orders, Instant now) {
        Map<String, Applied> opening = new LinkedHashMap<>();
        for (OrderRequests order : orders) {
            if (order.opensPayment()) {
                String provider = providers
                        .forMethod(order.openingCharge().paymentMethod())
                        .name();
                Applied applied = order.openingPayment(provider, properties.currency(), now);
                applied.leaseDueCall(handedOver, now);
                opening.put(order.orderId(), applied);
            }
        }
        if (opening.isEmpty()) {
            return Mono.just(Map.of());
        }
        return payments.insertNew(opening.values().stream().map(Applied::traced).toList())
                .map(stored -> {
                    Map<String, Applied> opened = new LinkedHashMap<>(opening);
                    opened.keySet().retainAll(stored);
                    return opened;
                });
    }

    /** Applies the requests of every other order to its stored payment, or to none. */
    private Mono<List<Applied>> applyToStored(List<OrderRequests> orders, Map<String, Applied> opened, Instant now) {
        List<String> others = orders.stream()
                .map(OrderRequests::orderId)
                .filter(order -> !opened.containsKey(order))
                .toList();
        Mono<Map<String, TracedPayment>> stored = others.isEmpty()
                ? Mono.just(Map.of())
                : payments.lockByOrders(others).map(found -> {
                    Map<String, TracedPayment> byOrder = new HashMap<>();
                    found.forEach(payment -> byOrder.put(payment.payment().orderId(), payment));
                    return byOrder;
                });
        return stored.map(byOrder -> {
            List<Applied> applied = new ArrayList<>(orders.size());
            for (OrderRequests order : orders) {
                Applied done = opened.get(order.orderId());
                if (done == null) {
                    done = order.onStored(byOrder.get(order.orderId()), properties.currency(), now);
                    done.leaseDueCall(handedOver, now);
                }
                applied.add(done);
            }
            return applied;
        });
    }

    private Mono<Void> save(List<Applied> applied, List<SagaCommand> batch) {
        List<TracedPayment> changed = applied.stream()
                .filter(order -> !order.opened() && order.changed())
                .map(Applied::traced)
                .toList();
        List<CancelledOrder> cancelled = applied.stream()
                .map(Applied::cancelled)
                .filter(Objects::nonNull)
                .toList();
        List<TakenCall> leased =
                applied.stream().map(Applied::leased).filter(Objects::nonNull).toList();
        Map<Integer, Answer> answers = new HashMap<>();
        applied.forEach(order -> answers.putAll(order.answers()));

        Mono<Void> writes = (changed.isEmpty() ? Mono.<Void>empty() : payments.update(changed))
                .then(cancelled.isEmpty() ? Mono.<Void>empty() : payments.recordCancelledOrders(cancelled));
        Mono<Void> told = Flux.range(0, batch.size())
                .concatMap(position -> Optional.ofNullable(answers.get(position))
                        .map(answer -> batch.get(position).trace().run(tell(answer)))
                        .orElseGet(Mono::empty))
                .then();
        return writes.then(told).then(handedOver.afterCommit(leased));
    }

    private Mono<Void> tell(Answer answer) {
        Mono<Void> warning =
                answer.warning() == null ? Mono.empty() : TracedLogging.log(() -> log.warn(answer.warning()));
        return warning.then(messages.publish(answer.effects()));
    }
}
