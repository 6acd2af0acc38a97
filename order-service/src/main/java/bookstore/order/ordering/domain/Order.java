package bookstore.order.ordering.domain;

import bookstore.order.pricing.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's order and the state of the saga that fulfils it.
 *
 * <p>Status changes go through guarded transitions that refuse what the status does not allow.
 * Answers from inventory and payment are different: they are facts about the world that arrive at
 * least once and in any order, so each is accepted in every status. An answer the order awaits moves
 * it on; a repeated one changes nothing; one that comes too late is compensated (stock reserved or
 * money taken for an order that is already over is given back).
 *
 * <p>Every change records its {@link Effect}s, which the application publishes in the transaction
 * that saves the order.
 */
public final class Order {

    public static final int MAX_QUANTITY = 10;
    public static final int MAX_LINES = 50;

    static final String TIMEOUT = "timeout";
    static final String CANCELLED_BY_CUSTOMER = "cancelled by customer";

    private final OrderId id;
    private final String customerId;
    private final String customerRef;
    private final List<OrderLine> lines;
    private final Money total;
    private final ShippingAddress shippingAddress;
    private final String paymentMethod;
    private final Instant placedAt;
    private final List<StatusChange> history;
    private final List<Effect> effects = new ArrayList<>();
    private OrderStatus status;
    private SagaStep step;
    private Instant deadline;
    private boolean chargeRequested;
    private String paymentId;
    private Money refunded;
    private String failureReason;
    private Shipment shipment;

    private Order(State state) {
        this.id = Objects.requireNonNull(state.id(), "id");
        this.customerId = Objects.requireNonNull(state.customerId(), "customerId");
        this.customerRef = Objects.requireNonNull(state.customerRef(), "customerRef");
        this.lines = List.copyOf(state.lines());
        this.total = totalOf(lines);
        this.shippingAddress = Objects.requireNonNull(state.shippingAddress(), "shippingAddress");
        this.paymentMethod = Objects.requireNonNull(state.paymentMethod(), "paymentMethod");
        this.placedAt = Objects.requireNonNull(state.placedAt(), "placedAt");
        this.history = new ArrayList<>(state.history());
        this.status = Objects.requireNonNull(state.status(), "status");
        this.step = Objects.requireNonNull(state.step(), "step");
        this.deadline = state.deadline();
        this.chargeRequested = state.chargeRequested();
        this.paymentId = state.paymentId();
        this.refunded = state.refunded();
        this.failureReason = state.failureReason();
        this.shipment = state.shipment();
    }

    /**
     * A new PENDING order that asks inventory to reserve its lines.
     *
     * @param customerRef the customer's pseudonym, which is all that other services and analytics see
     */
    public static Order place(
            OrderId id,
            String customerId,
            String customerRef,
            List<OrderLine> lines,
            ShippingAddress shippingAddress,
            String paymentMethod,
            Instant now,
            SagaTimeouts timeouts) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidOrderException("An order has at least one line.");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidOrderException("An order has at most " + MAX_LINES + " lines.");
        }
        Set<String> books = new HashSet<>();
        for (OrderLine line : lines) {
            if (!books.add(line.bookId())) {
                throw new InvalidOrderException("Book " + line.bookId() + " appears on more than one line.");
            }
        }
        if (paymentMethod == null || paymentMethod.isBlank()) {
            throw new InvalidOrderException("An order names a payment method.");
        }
        Order order = new Order(new State(
                id,
                customerId,
                customerRef,
                lines,
                shippingAddress,
                paymentMethod,
                now,
                OrderStatus.PENDING,
                SagaStep.AWAITING_STOCK,
                now.plus(timeouts.stock()),
                false,
                null,
                null,
                null,
                null,
                List.of(new StatusChange(OrderStatus.PENDING, now, null))));
        order.effects.add(new Effect.Placed());
        order.effects.add(new Effect.ReserveStock());
        return order;
    }

    /** An order as it was saved; it has no effects yet. */
    public static Order restore(State state) {
        return new Order(state);
    }

    /**
     * Inventory holds every line: payment is asked for, once. A reservation that comes after the
     * order was cancelled changes nothing: the release the cancellation sent follows the reserve
     * command in inventory's queue for this order, so inventory gives the copies back by itself.
     */
    public void stockReserved(Instant now, SagaTimeouts timeouts) {
        if (awaiting(SagaStep.AWAITING_STOCK)) {
            step = SagaStep.AWAITING_PAYMENT;
            deadline = now.plus(timeouts.payment());
            chargeRequested = true;
            effects.add(new Effect.ChargePayment());
        }
    }

    /** Inventory could not hold every line; it holds none of them. */
    public void stockReservationFailed(String reason, Instant now) {
        if (awaiting(SagaStep.AWAITING_STOCK)) {
            String why = reason == null || reason.isBlank() ? "stock unavailable" : reason;
            settle(OrderStatus.REJECTED, now, why);
            effects.add(new Effect.Rejected(why));
        }
    }

    /**
     * The customer paid: the order is confirmed, its reserved stock sold. Money taken for an order
     * that is over (or that never asked for it) goes back, once: the order keeps the payment's id,
     * so the same answer again changes nothing.
     */
    public void paymentSucceeded(String paymentId, Instant now) {
        if (awaiting(SagaStep.AWAITING_PAYMENT)) {
            this.paymentId = paymentId;
            settle(OrderStatus.CONFIRMED, now, null);
            effects.add(new Effect.CommitStock());
            effects.add(new Effect.Confirmed());
        } else if ((status == OrderStatus.CANCELLED
                        || status == OrderStatus.REJECTED
                        || awaiting(SagaStep.AWAITING_STOCK))
                && this.paymentId == null) {
            this.paymentId = paymentId;
            effects.add(new Effect.RefundPayment("payment arrived for an order that is " + describeStatus()));
        }
    }

    /** The charge was declined: what the order holds in stock goes back and it is cancelled. */
    public void paymentFailed(String reason, Instant now) {
        if (awaiting(SagaStep.AWAITING_PAYMENT)) {
            String why = "payment failed: " + (reason == null || reason.isBlank() ? "declined" : reason);
            settle(OrderStatus.CANCELLED, now, why);
            effects.add(new Effect.ReleaseStock(why));
            effects.add(new Effect.Cancelled(why));
        }
    }

    /** Payment gave back money for this order; a repeated report of the same refund is not added up. */
    public void paymentRefunded(Money amount) {
        if (refunded == null || amount.isGreaterThan(refunded)) {
            refunded = amount;
        }
    }

    /** Whether the order has waited past its deadline for an answer. */
    public boolean isOverdue(Instant now) {
        return status == OrderStatus.PENDING && deadline != null && !now.isBefore(deadline);
    }

    /** An answer did not come in time: give back whatever may have been taken and cancel. */
    public void timeOut(Instant now) {
        if (isOverdue(now)) {
            compensate(now, TIMEOUT);
        }
    }

    /**
     * The customer cancels before the order is shipped: its stock goes back (reserved or sold) and
     * whatever was charged is refunded. Cancelling a cancelled order changes nothing.
     */
    public void cancel(Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (status != OrderStatus.PENDING && status != OrderStatus.CONFIRMED) {
            throw new IllegalOrderTransitionException(
                    status, "An order that is " + describeStatus() + " can no longer be cancelled.");
        }
        compensate(now, CANCELLED_BY_CUSTOMER);
    }

    public void ship(Shipment shipment, Instant now) {
        transition(OrderStatus.SHIPPED, now, null);
        this.shipment = Objects.requireNonNull(shipment, "shipment");
        effects.add(new Effect.Shipped());
    }

    /** An admin marks a shipped order delivered, whether or not the carrier reported it moving. */
    public void deliver(Instant now) {
        transition(OrderStatus.DELIVERED, now, null);
        effects.add(new Effect.Delivered());
    }

    /**
     * The carrier reports the parcel on its way (collected, in transit, out for delivery). Only a
     * SHIPPED order moves on; a report that comes late, repeated or after a later one changes nothing,
     * since tracking never moves an order back.
     */
    public void carrierReportedInTransit(Instant now) {
        if (status == OrderStatus.SHIPPED) {
            transition(OrderStatus.IN_TRANSIT, now, null);
            effects.add(new Effect.InTransit());
        }
    }

    /**
     * The carrier reports the parcel delivered (签收): a SHIPPED or IN_TRANSIT order is DELIVERED; in
     * any later status (or a repeated report) nothing changes.
     */
    public void carrierReportedDelivered(Instant now) {
        if (status == OrderStatus.SHIPPED || status == OrderStatus.IN_TRANSIT) {
            deliver(now);
        }
    }

    /** The customer confirms receipt (确认收货): only a DELIVERED order can be received. */
    public void receive(Instant now) {
        transition(OrderStatus.RECEIVED, now, null);
        effects.add(new Effect.Received(false));
    }

    /** When the order was delivered (the last time it became DELIVERED), or null if it never was. */
    public Instant deliveredAt() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == OrderStatus.DELIVERED) {
                return history.get(i).at();
            }
        }
        return null;
    }

    /** Whether a DELIVERED order has waited for its receipt for {@code window} or longer. */
    public boolean isReceiptDue(Instant now, Duration window) {
        return status == OrderStatus.DELIVERED && !now.isBefore(deliveredAt().plus(window));
    }

    /**
     * The customer let the receipt window pass: the order counts as received. Anything else (not yet
     * due, already received) changes nothing, so a scan may find an order twice.
     */
    public void receiveAutomatically(Instant now, Duration window) {
        if (isReceiptDue(now, window)) {
            transition(OrderStatus.RECEIVED, now, null);
            effects.add(new Effect.Received(true));
        }
    }

    public boolean isOwnedBy(String customerId) {
        return this.customerId.equals(customerId);
    }

    private void compensate(Instant now, String reason) {
        transition(OrderStatus.CANCELLED, now, reason);
        step = SagaStep.DONE;
        deadline = null;
        effects.add(new Effect.ReleaseStock(reason));
        if (chargeRequested) {
            effects.add(new Effect.RefundPayment(reason));
        }
        effects.add(new Effect.Cancelled(reason));
    }

    private void settle(OrderStatus outcome, Instant now, String reason) {
        transition(outcome, now, reason);
        step = SagaStep.DONE;
        deadline = null;
    }

    private void transition(OrderStatus next, Instant now, String reason) {
        if (!status.next().contains(next)) {
            throw new IllegalOrderTransitionException(
                    status,
                    "An order that is " + describeStatus() + " cannot become "
                            + next.name().toLowerCase() + ".");
        }
        status = next;
        history.add(new StatusChange(next, now, reason));
        if (reason != null) {
            failureReason = reason;
        }
    }

    private boolean awaiting(SagaStep awaited) {
        return status == OrderStatus.PENDING && step == awaited;
    }

    private String describeStatus() {
        return status.name().toLowerCase();
    }

    private static Money totalOf(List<OrderLine> lines) {
        Money sum = Money.zero(lines.getFirst().unitPrice().currency());
        for (OrderLine line : lines) {
            if (!line.unitPrice().currency().equals(sum.currency())) {
                throw new InvalidOrderException("All lines of an order are priced in one currency.");
            }
            sum = sum.plus(line.lineTotal());
        }
        return sum;
    }

    /** The effects of the changes made since the order was placed or restored, in order. */
    public List<Effect> effects() {
        return List.copyOf(effects);
    }

    /** Everything the order is, for saving it and for restoring it later. */
    public State state() {
        return new State(
                id,
                customerId,
                customerRef,
                lines,
                shippingAddress,
                paymentMethod,
                placedAt,
                status,
                step,
                deadline,
                chargeRequested,
                paymentId,
                refunded,
                failureReason,
                shipment,
                List.copyOf(history));
    }

    public OrderId id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String customerRef() {
        return customerRef;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public OrderStatus status() {
        return status;
    }

    public SagaStep step() {
        return step;
    }

    public Instant deadline() {
        return deadline;
    }

    public String paymentId() {
        return paymentId;
    }

    public Money refunded() {
        return refunded;
    }

    public String failureReason() {
        return failureReason;
    }

    public Shipment shipment() {
        return shipment;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    /**
     * @param deadline when the saga stops waiting for the current step's answer; null once settled
     * @param chargeRequested whether payment was asked to charge, so cancelling must also refund
     * @param refunded what payment reported refunding, or null
     */
    public record State(
            OrderId id,
            String customerId,
            String customerRef,
            List<OrderLine> lines,
            ShippingAddress shippingAddress,
            String paymentMethod,
            Instant placedAt,
            OrderStatus status,
            SagaStep step,
            Instant deadline,
            boolean chargeRequested,
            String paymentId,
            Money refunded,
            String failureReason,
            Shipment shipment,
            List<StatusChange> history) {}
}
