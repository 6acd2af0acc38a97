package bookstore.order.ordering.application;

import bookstore.events.IntegrationEvent;
import bookstore.events.Money;
import bookstore.events.Topic;
import bookstore.events.Topics;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.CommitStock;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderInTransit;
import bookstore.events.order.OrderLine;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderReceived;
import bookstore.events.order.OrderRefunded;
import bookstore.events.order.OrderRejected;
import bookstore.events.order.OrderShipped;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.RefundPayment;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.RenewPaymentAction;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.RestockReturn;
import bookstore.events.order.ReturnApproved;
import bookstore.events.order.ReturnCancelled;
import bookstore.events.order.ReturnCompleted;
import bookstore.events.order.ReturnItem;
import bookstore.events.order.ReturnReceived;
import bookstore.events.order.ReturnRejected;
import bookstore.events.order.ReturnRequested;
import bookstore.events.order.ReturnSentBack;
import bookstore.events.order.ReturnedCopies;
import bookstore.events.order.SaleRecorded;
import bookstore.events.order.SaleReturned;
import bookstore.order.ordering.domain.Effect;
import bookstore.order.ordering.domain.Order;
import bookstore.order.ordering.domain.OrderReturn;
import bookstore.order.ordering.domain.Refund;
import bookstore.order.ordering.domain.RefundStatus;
import bookstore.order.ordering.domain.ReturnLine;
import bookstore.platform.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an order's effects into the saga's commands and the lifecycle and sales events, appended to
 * the outbox in the transaction that saves the order: the change and its messages commit together.
 */
@Component
class OrderMessages {

    private final Outbox outbox;

    OrderMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends the messages for every effect the order recorded, in the order it recorded them. */
    Mono<Void> publish(Order order, Instant now) {
        return publish(order, order.effects(), now);
    }

    /** Appends the messages for these of the order's effects, in their order. */
    Mono<Void> publish(Order order, List<Effect> effects, Instant now) {
        return Flux.fromIterable(of(order, effects, now))
                .concatMap(this::append)
                .then();
    }

    private <E extends IntegrationEvent> Mono<Void> append(Outbox.Message<E> message) {
        return outbox.append(message.topic(), message.event());
    }

    /** The messages for every effect the order recorded, in the order it recorded them. */
    List<Outbox.Message<?>> of(Order order, Instant now) {
        return of(order, order.effects(), now);
    }

    private List<Outbox.Message<?>> of(Order order, List<Effect> effects, Instant now) {
        List<Outbox.Message<?>> messages = new ArrayList<>();
        for (Effect effect : effects) {
            messages.addAll(messages(order, effect, now));
        }
        return messages;
    }

    private static List<Outbox.Message<?>> messages(Order order, Effect effect, Instant now) {
        String orderId = order.id().toString();
        return switch (effect) {
            case Effect.Placed placed ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new OrderPlaced(id(), now, orderId, order.customerRef(), lines(order), money(order.total()))));
            case Effect.ReserveStock reserve ->
                List.of(message(Topics.INVENTORY_COMMANDS, new ReserveStock(id(), now, orderId, lines(order))));
            case Effect.ChargePayment charge ->
                List.of(message(
                        Topics.PAYMENT_COMMANDS,
                        new ChargePayment(
                                id(),
                                now,
                                orderId,
                                order.customerId(),
                                money(order.total()),
                                order.paymentMethod(),
                                order.deadline())));
            case Effect.RenewPaymentAction renew ->
                List.of(message(Topics.PAYMENT_COMMANDS, new RenewPaymentAction(id(), now, orderId)));
            case Effect.CommitStock commit ->
                List.of(message(Topics.INVENTORY_COMMANDS, new CommitStock(id(), now, orderId)));
            case Effect.ReleaseStock release ->
                List.of(message(Topics.INVENTORY_COMMANDS, new ReleaseStock(id(), now, orderId, release.reason())));
            case Effect.RefundPayment refund ->
                List.of(message(Topics.PAYMENT_COMMANDS, new RefundPayment(id(), now, orderId, refund.reason())));
            case Effect.Confirmed confirmed -> {
                List<Outbox.Message<?>> confirmation = new ArrayList<>();
                confirmation.add(
                        message(Topics.ORDER_EVENTS, new OrderConfirmed(id(), now, orderId, money(order.total()))));
                for (var line : order.lines()) {
                    confirmation.add(message(
                            Topics.SALES_EVENTS,
                            new SaleRecorded(
                                    id(),
                                    now,
                                    orderId,
                                    line.bookId(),
                                    line.quantity(),
                                    money(line.unitPrice()),
                                    order.customerRef(),
                                    now)));
                }
                yield confirmation;
            }
            case Effect.Rejected rejected ->
                List.of(message(Topics.ORDER_EVENTS, new OrderRejected(id(), now, orderId, rejected.reason())));
            case Effect.Cancelled cancelled ->
                List.of(message(Topics.ORDER_EVENTS, new OrderCancelled(id(), now, orderId, cancelled.reason())));
            case Effect.Shipped shipped ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new OrderShipped(
                                id(),
                                now,
                                orderId,
                                order.shipment().carrier(),
                                order.shipment().trackingNumber())));
            case Effect.InTransit inTransit ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new OrderInTransit(
                                id(),
                                now,
                                orderId,
                                order.shipment().carrier(),
                                order.shipment().trackingNumber())));
            case Effect.Received received ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new OrderReceived(
                                id(), now, orderId, order.customerRef(), lines(order), received.automatic())));
            case Effect.Delivered delivered ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new OrderDelivered(id(), now, orderId, order.customerRef(), lines(order))));
            case Effect.ReturnRequested requested -> {
                OrderReturn requestedReturn = order.returnOf(requested.returnId());
                yield List.of(message(
                        Topics.ORDER_EVENTS,
                        new ReturnRequested(
                                id(),
                                now,
                                orderId,
                                requestedReturn.id(),
                                order.customerRef(),
                                requestedReturn.items().stream()
                                        .map(item -> new ReturnItem(item.bookId(), item.quantity()))
                                        .toList(),
                                requestedReturn.reason())));
            }
            case Effect.ReturnApproved approved ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new ReturnApproved(id(), now, orderId, approved.returnId(), approved.automatic())));
            case Effect.ReturnRejected rejected ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new ReturnRejected(
                                id(),
                                now,
                                orderId,
                                rejected.returnId(),
                                order.returnOf(rejected.returnId()).outcomeReason())));
            case Effect.ReturnCancelled cancelled ->
                List.of(message(
                        Topics.ORDER_EVENTS,
                        new ReturnCancelled(
                                id(),
                                now,
                                orderId,
                                cancelled.returnId(),
                                order.returnOf(cancelled.returnId()).outcomeReason())));
            case Effect.ReturnSentBack sent -> {
                OrderReturn sentReturn = order.returnOf(sent.returnId());
                yield List.of(message(
                        Topics.ORDER_EVENTS,
                        new ReturnSentBack(
                                id(),
                                now,
                                orderId,
                                sentReturn.id(),
                                sentReturn.carrier(),
                                sentReturn.trackingNumber())));
            }
            case Effect.ReturnReceived received -> {
                OrderReturn receivedReturn = order.returnOf(received.returnId());
                List<Outbox.Message<?>> receipt = new ArrayList<>();
                if (received.inspected()) {
                    receipt.add(message(
                            Topics.ORDER_EVENTS,
                            new ReturnReceived(id(), now, orderId, receivedReturn.id(), copies(receivedReturn))));
                }
                for (ReturnLine item : receivedReturn.items()) {
                    receipt.add(message(
                            Topics.SALES_EVENTS,
                            new SaleReturned(
                                    id(),
                                    now,
                                    orderId,
                                    receivedReturn.id(),
                                    item.bookId(),
                                    item.quantity(),
                                    money(item.unitPrice()),
                                    order.customerRef(),
                                    now)));
                }
                yield receipt;
            }
            case Effect.RestockReturn restock ->
                List.of(message(
                        Topics.INVENTORY_COMMANDS,
                        new RestockReturn(
                                id(), now, orderId, restock.returnId(), copies(order.returnOf(restock.returnId())))));
            case Effect.RefundAmount refund -> {
                Refund asked = order.refundOf(refund.refundId());
                yield List.of(message(
                        Topics.PAYMENT_COMMANDS,
                        new RefundAmount(id(), now, orderId, asked.id(), money(asked.amount()), asked.reason())));
            }
            case Effect.Refunded refunded -> {
                Refund given = order.refundOf(refunded.refundId());
                yield List.of(message(
                        Topics.ORDER_EVENTS,
                        new OrderRefunded(
                                id(),
                                now,
                                orderId,
                                given.id(),
                                given.returnId(),
                                money(given.amount()),
                                given.reason())));
            }
            case Effect.ReturnCompleted completed -> {
                Refund refund = order.refundOf(completed.returnId());
                long given = refund != null && refund.status() == RefundStatus.REFUNDED
                        ? refund.amount().amount()
                        : 0;
                yield List.of(message(
                        Topics.ORDER_EVENTS,
                        new ReturnCompleted(
                                id(),
                                now,
                                orderId,
                                completed.returnId(),
                                new Money(given, order.total().currency()))));
            }
        };
    }

    private static <E extends IntegrationEvent> Outbox.Message<E> message(Topic<E> topic, E event) {
        return new Outbox.Message<>(topic, event);
    }

    private static List<OrderLine> lines(Order order) {
        return order.lines().stream()
                .map(line -> new OrderLine(line.bookId(), line.quantity(), money(line.unitPrice())))
                .toList();
    }

    /** The copies of a return that inventory takes in: the inspected ones, or none before inspection. */
    private static List<ReturnedCopies> copies(OrderReturn received) {
        return received.items().stream()
                .filter(item -> item.resalable() != null)
                .map(item -> new ReturnedCopies(item.bookId(), item.resalable(), item.damaged()))
                .toList();
    }

    private static Money money(bookstore.order.pricing.domain.Money money) {
        return new Money(money.amount(), money.currency());
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
