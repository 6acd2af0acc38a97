package bookstore.order.ordering.application;

import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.order.ChargePayment;
import bookstore.events.order.CommitStock;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderDelivered;
import bookstore.events.order.OrderLine;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRejected;
import bookstore.events.order.OrderShipped;
import bookstore.events.order.RefundPayment;
import bookstore.events.order.ReleaseStock;
import bookstore.events.order.ReserveStock;
import bookstore.events.order.SaleRecorded;
import bookstore.order.ordering.domain.Effect;
import bookstore.order.ordering.domain.Order;
import bookstore.platform.outbox.Outbox;
import java.time.Instant;
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
        return Flux.fromIterable(order.effects())
                .concatMap(effect -> append(order, effect, now))
                .then();
    }

    private Mono<Void> append(Order order, Effect effect, Instant now) {
        String orderId = order.id().toString();
        return switch (effect) {
            case Effect.Placed placed ->
                outbox.append(
                        Topics.ORDER_EVENTS,
                        new OrderPlaced(id(), now, orderId, order.customerRef(), lines(order), money(order.total())));
            case Effect.ReserveStock reserve ->
                outbox.append(Topics.INVENTORY_COMMANDS, new ReserveStock(id(), now, orderId, lines(order)));
            case Effect.ChargePayment charge ->
                outbox.append(
                        Topics.PAYMENT_COMMANDS,
                        new ChargePayment(
                                id(), now, orderId, order.customerId(), money(order.total()), order.paymentMethod()));
            case Effect.CommitStock commit ->
                outbox.append(Topics.INVENTORY_COMMANDS, new CommitStock(id(), now, orderId));
            case Effect.ReleaseStock release ->
                outbox.append(Topics.INVENTORY_COMMANDS, new ReleaseStock(id(), now, orderId, release.reason()));
            case Effect.RefundPayment refund ->
                outbox.append(Topics.PAYMENT_COMMANDS, new RefundPayment(id(), now, orderId, refund.reason()));
            case Effect.Confirmed confirmed ->
                outbox.append(Topics.ORDER_EVENTS, new OrderConfirmed(id(), now, orderId, money(order.total())))
                        .then(Flux.fromIterable(order.lines())
                                .concatMap(line -> outbox.append(
                                        Topics.SALES_EVENTS,
                                        new SaleRecorded(
                                                id(),
                                                now,
                                                orderId,
                                                line.bookId(),
                                                line.quantity(),
                                                money(line.unitPrice()),
                                                order.customerRef(),
                                                now)))
                                .then());
            case Effect.Rejected rejected ->
                outbox.append(Topics.ORDER_EVENTS, new OrderRejected(id(), now, orderId, rejected.reason()));
            case Effect.Cancelled cancelled ->
                outbox.append(Topics.ORDER_EVENTS, new OrderCancelled(id(), now, orderId, cancelled.reason()));
            case Effect.Shipped shipped ->
                outbox.append(
                        Topics.ORDER_EVENTS,
                        new OrderShipped(
                                id(),
                                now,
                                orderId,
                                order.shipment().carrier(),
                                order.shipment().trackingNumber()));
            case Effect.Delivered delivered ->
                outbox.append(Topics.ORDER_EVENTS, new OrderDelivered(id(), now, orderId));
        };
    }

    private static List<OrderLine> lines(Order order) {
        return order.lines().stream()
                .map(line -> new OrderLine(line.bookId(), line.quantity(), money(line.unitPrice())))
                .toList();
    }

    private static Money money(bookstore.order.pricing.domain.Money money) {
        return new Money(money.amount(), money.currency());
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
