package bookstore.order.ordering.domain;

import bookstore.order.pricing.domain.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
    /** Followed by the provider's reason. */
    static final String PAYMENT_FAILED = "payment failed: ";

    static final String CANCELLED_BY_CUSTOMER = "cancelled by customer";

    /** Why an order the customer's closed account left unshipped was cancelled. */
    static final String ACCOUNT_CLOSED = "account-closed";

    /** The longest reason a return, a rejection or a refund may give, in characters. */
    public static final int MAX_REASON = 500;

    public static final int MAX_RETURNS = 20;

    static final String WITHDRAWN = "withdrawn by the customer";
    static final String APPROVED_BY_TIMEOUT = "approved: the shop did not decide in time";
    static final String NOT_SENT_BACK = "not sent back in time";
    static final String NOT_RECORDED_RECEIVED = "refunded without inspection: not recorded received in time";

    private final OrderId id;
    private final String customerId;
    private final String customerRef;
    private final List<OrderLine> lines;
    private final Money total;
    private ShippingAddress shippingAddress;
    private final String paymentMethod;
    private final Instant placedAt;
    private final List<StatusChange> history;
    private final List<Effect> effects = new ArrayList<>();
    private Instant accountClosedAt;
    private OrderStatus status;
    private SagaStep step;
    private Instant deadline;
    private boolean chargeRequested;
    private String paymentId;
    private Money refunded;
    private String failureReason;
    private Shipment shipment;
    private PaymentAction paymentAction;
    private final List<OrderReturn> returns;
    private final List<Refund> refunds;

    private Order(State state) {
        this.id = Objects.requireNonNull(state.id(), "id");
        this.customerId = Objects.requireNonNull(state.customerId(), "customerId");
        this.customerRef = Objects.requireNonNull(state.customerRef(), "customerRef");
        this.lines = List.copyOf(state.lines());
        this.total = totalOf(lines);
        this.accountClosedAt = state.accountClosedAt();
        // Only an order whose customer closed their account loses its address.
        this.shippingAddress = accountClosedAt == null
                ? Objects.requireNonNull(state.shippingAddress(), "shippingAddress")
                : state.shippingAddress();
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
        this.paymentAction = state.paymentAction();
        this.returns = new ArrayList<>(state.returns());
        this.refunds = new ArrayList<>(state.refunds());
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
                List.of(new StatusChange(OrderStatus.PENDING, now, null)),
                List.of(),
                List.of(),
                null,
                null));
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
     * that never asked for it goes back, once: the order keeps the payment's id, so the same answer
     * again changes nothing. An order that asked and was cancelled since has already sent its refund,
     * which payment applies to whatever it captures, however late (a capture after the trade was
     * closed included); asking again would only make a replay of the topic answer twice.
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
            if (!chargeRequested) {
                effects.add(new Effect.RefundPayment("payment arrived for an order that is " + describeStatus()));
            }
        }
    }

    /**
     * The provider waits for the customer to complete the payment (scan a QR code, go through the
     * provider's page): the order awaits payment, with its stock held, until the payment's outcome or
     * its deadline. A fresh action (the customer asked for a new QR code) replaces the one before; one
     * that comes after the order moved on changes nothing.
     */
    public void paymentActionRequired(PaymentAction action, Instant now) {
        if (!awaiting(SagaStep.AWAITING_PAYMENT)) {
            return;
        }
        if (status == OrderStatus.PENDING) {
            transition(OrderStatus.AWAITING_PAYMENT, now, null);
        }
        paymentAction = Objects.requireNonNull(action, "action");
    }

    /**
     * The customer asks for a fresh way to pay (a new QR code) while the order awaits payment;
     * payment asks the provider again and tells the new action.
     *
     * @throws IllegalOrderTransitionException when the order does not await the customer's payment
     */
    public void renewPaymentAction() {
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw new IllegalOrderTransitionException(
                    status,
                    "Only an order awaiting payment can be paid with a fresh code; this one is " + describeStatus()
                            + ".");
        }
        effects.add(new Effect.RenewPaymentAction());
    }

    /** The charge was declined: what the order holds in stock goes back and it is cancelled. */
    public void paymentFailed(String reason, Instant now) {
        if (awaiting(SagaStep.AWAITING_PAYMENT)) {
            String why = PAYMENT_FAILED + (reason == null || reason.isBlank() ? "declined" : reason);
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
        return status.inSaga() && deadline != null && !now.isBefore(deadline);
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
        if (!status.inSaga() && status != OrderStatus.CONFIRMED) {
            throw new IllegalOrderTransitionException(
                    status, "An order that is " + describeStatus() + " can no longer be cancelled.");
        }
        compensate(now, CANCELLED_BY_CUSTOMER);
    }

    /**
     * The customer's account was closed: the order keeps what accounting needs (lines, amounts, dates,
     * states, payment and refunds) and loses the person. An order that has not shipped is cancelled as
     * the customer's own cancel would (stock back, money refunded): it could never be delivered to
     * nobody, nor received or returned. A parcel under way keeps its address until it arrives, since
     * the carrier may still need the shop to know where it goes; {@link #deliver} erases it then.
     * Closing again changes nothing.
     */
    public void closeAccount(Instant now) {
        if (accountClosedAt != null) {
            return;
        }
        accountClosedAt = now;
        if (status.inSaga() || status == OrderStatus.CONFIRMED) {
            compensate(now, ACCOUNT_CLOSED);
        }
        eraseCustomerUnlessUnderWay();
    }

    /** Whether the customer's name, address, phone and own words are gone from the order. */
    public boolean customerErased() {
        return shippingAddress == null;
    }

    private void eraseCustomerUnlessUnderWay() {
        if (accountClosedAt == null || status == OrderStatus.SHIPPED || status == OrderStatus.IN_TRANSIT) {
            return;
        }
        shippingAddress = null;
        returns.replaceAll(OrderReturn::withoutCustomersWords);
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
        eraseCustomerUnlessUnderWay();
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
        return lastTimeIn(OrderStatus.DELIVERED);
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

    /**
     * Until when the customer may ask to return copies: the return window counted from their receipt,
     * or from the delivery while they have not confirmed it. Null for an order that has not arrived.
     */
    public Instant returnableUntil(ReturnPolicy policy) {
        Instant since =
                switch (status) {
                    case RECEIVED -> lastTimeIn(OrderStatus.RECEIVED);
                    case DELIVERED -> deliveredAt();
                    default -> null;
                };
        return since == null ? null : since.plus(policy.window());
    }

    /**
     * The customer asks to return copies of some lines (退货). Each book at most once, each in the
     * order, and no more copies than the order holds less those that other returns (not rejected or
     * cancelled) already send back.
     */
    public void requestReturn(
            String returnId, List<ReturnItem> wanted, String reason, Instant now, ReturnPolicy policy) {
        Instant until = returnableUntil(policy);
        if (until == null) {
            throw new ReturnConflictException(
                    "Only a delivered or received order can be returned; this one is " + describeStatus() + ".");
        }
        if (!now.isBefore(until)) {
            throw new ReturnConflictException("The return window of this order ended at " + until + ".");
        }
        if (returns.size() >= MAX_RETURNS) {
            throw new ReturnConflictException("An order takes at most " + MAX_RETURNS + " returns.");
        }
        if (wanted == null || wanted.isEmpty()) {
            throw new InvalidOrderException("A return names at least one book.");
        }
        String why = checkedText(reason, "A return");
        Set<String> books = new HashSet<>();
        List<ReturnLine> items = new ArrayList<>();
        for (ReturnItem item : wanted) {
            if (!books.add(item.bookId())) {
                throw new InvalidOrderException("Book " + item.bookId() + " appears more than once in the return.");
            }
            OrderLine line = lines.stream()
                    .filter(candidate -> candidate.bookId().equals(item.bookId()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidOrderException("Book " + item.bookId() + " is not in this order."));
            int left = line.quantity() - copiesReturning(line.bookId());
            if (item.quantity() < 1 || item.quantity() > left) {
                throw new InvalidOrderException("Between 1 and " + left + " copies of book " + line.bookId()
                        + " may be returned, not " + item.quantity() + ".");
            }
            items.add(new ReturnLine(line.bookId(), line.title(), item.quantity(), line.unitPrice(), null, null));
        }
        returns.add(OrderReturn.requested(returnId, items, why, now, now.plus(policy.decision())));
        effects.add(new Effect.ReturnRequested(returnId));
    }

    /** An admin agrees to take the copies back; the customer has {@code sendBack} to send them. */
    public void approveReturn(String returnId, Instant now, ReturnPolicy policy) {
        OrderReturn approved = returnOf(returnId).moved(ReturnStatus.APPROVED, now, null, now.plus(policy.sendBack()));
        replace(approved);
        effects.add(new Effect.ReturnApproved(returnId, false));
    }

    /** An admin refuses a requested return, saying why; nothing is refunded. */
    public void rejectReturn(String returnId, String reason, Instant now) {
        String why = checkedText(reason, "A rejection");
        replace(returnOf(returnId).moved(ReturnStatus.REJECTED, now, why, null));
        effects.add(new Effect.ReturnRejected(returnId));
    }

    /** The customer withdraws a return they have not sent yet. */
    public void withdrawReturn(String returnId, Instant now) {
        OrderReturn withdrawn = returnOf(returnId);
        if (withdrawn.status() != ReturnStatus.REQUESTED && withdrawn.status() != ReturnStatus.APPROVED) {
            throw new ReturnConflictException(
                    "A return that is " + OrderReturn.describe(withdrawn.status()) + " can no longer be withdrawn.");
        }
        replace(withdrawn.moved(ReturnStatus.CANCELLED, now, WITHDRAWN, null));
        effects.add(new Effect.ReturnCancelled(returnId));
    }

    /** The customer sent an approved return back, naming the carrier and tracking number if they like. */
    public void sendBack(String returnId, String carrier, String trackingNumber, Instant now, ReturnPolicy policy) {
        OrderReturn sent = returnOf(returnId)
                .moved(ReturnStatus.SENT_BACK, now, null, now.plus(policy.receipt()))
                .sentWith(carrier, trackingNumber);
        replace(sent);
        effects.add(new Effect.ReturnSentBack(returnId));
    }

    /**
     * An admin records the parcel received and what inspection found: for every book of the return,
     * how many copies can be sold again and how many are damaged. Inventory is asked to take them in,
     * payment to refund their lines (never more than the order still has captured), and each line's
     * sale is corrected.
     */
    public void receiveReturn(String returnId, List<ReturnedCopies> copies, Instant now) {
        OrderReturn received = returnOf(returnId);
        if (copies == null || copies.size() != received.items().size()) {
            throw new InvalidOrderException(
                    "Say for every book of the return how many copies are resalable and" + " how many damaged.");
        }
        List<ReturnLine> inspected = new ArrayList<>();
        for (ReturnLine item : received.items()) {
            ReturnedCopies found = copies.stream()
                    .filter(candidate -> candidate.bookId().equals(item.bookId()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidOrderException(
                            "Say how many copies of book " + item.bookId() + " are resalable and how many damaged."));
            if (found.resalable() < 0
                    || found.damaged() < 0
                    || found.resalable() + found.damaged() != item.quantity()) {
                throw new InvalidOrderException("The " + item.quantity() + " returned copies of book " + item.bookId()
                        + " are each either resalable or damaged.");
            }
            inspected.add(item.inspected(found.resalable(), found.damaged()));
        }
        replace(received.moved(ReturnStatus.RECEIVED, now, null, null).withItems(inspected));
        effects.add(new Effect.ReturnReceived(returnId, true));
        effects.add(new Effect.RestockReturn(returnId));
        refundReturn(returnOf(returnId), now);
    }

    /**
     * Returns whose step has run out of time move on by themselves: a request nobody decided on is
     * approved, an approved return never sent is cancelled, and a sent return nobody recorded is
     * refunded without inspection (nothing is restocked: nobody saw the copies arrive).
     */
    public void timeOutReturns(Instant now, ReturnPolicy policy) {
        for (OrderReturn open : List.copyOf(returns)) {
            if (!open.isOpen() || open.deadline() == null || now.isBefore(open.deadline())) {
                continue;
            }
            switch (open.status()) {
                case REQUESTED -> {
                    replace(open.moved(ReturnStatus.APPROVED, now, APPROVED_BY_TIMEOUT, now.plus(policy.sendBack())));
                    effects.add(new Effect.ReturnApproved(open.id(), true));
                }
                case APPROVED -> {
                    replace(open.moved(ReturnStatus.CANCELLED, now, NOT_SENT_BACK, null));
                    effects.add(new Effect.ReturnCancelled(open.id()));
                }
                case SENT_BACK -> {
                    replace(open.moved(ReturnStatus.RECEIVED, now, NOT_RECORDED_RECEIVED, null)
                            .asRestocked());
                    effects.add(new Effect.ReturnReceived(open.id(), false));
                    refundReturn(returnOf(open.id()), now);
                }
                default -> {
                    // RECEIVED waits for inventory and payment, which answer on their own.
                }
            }
        }
    }

    /** When the earliest open return's step times out, or null when none waits on a person. */
    public Instant afterSaleDeadline() {
        return returns.stream()
                .filter(OrderReturn::isOpen)
                .map(OrderReturn::deadline)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** Whether a return is still open or a refund awaits payment: the order is in the returns queue. */
    public boolean hasOpenAfterSale() {
        return returns.stream().anyMatch(OrderReturn::isOpen)
                || refunds.stream().anyMatch(refund -> refund.status() == RefundStatus.PENDING);
    }

    /**
     * An admin gives back part of a paid order without a return (a damaged copy the customer keeps):
     * at most what is still captured, less refunds under way.
     */
    public void refund(String refundId, Money amount, String reason, Instant now) {
        if (paymentId == null || status.inSaga() || status == OrderStatus.CANCELLED || status == OrderStatus.REJECTED) {
            throw new IllegalOrderTransitionException(
                    status, "Only a paid order can be refunded in part; this one is " + describeStatus() + ".");
        }
        String why = checkedText(reason, "A refund");
        if (!amount.currency().equals(total.currency())) {
            throw new InvalidOrderException("This order is paid in " + total.currency() + ".");
        }
        Money refundable = refundable();
        if (amount.amount() < 1 || amount.isGreaterThan(refundable)) {
            throw new InvalidOrderException("Between 1 and " + refundable.amount() + " (minor units of "
                    + total.currency() + ") can still be refunded, not " + amount.amount() + ".");
        }
        refunds.add(Refund.requested(refundId, null, amount, why, now));
        effects.add(new Effect.RefundAmount(refundId));
    }

    /** Payment gave back a partial refund; {@code totalRefunded} is all it has given back for the order. */
    public void amountRefunded(String refundId, Money totalRefunded, Instant now) {
        paymentRefunded(totalRefunded);
        int index = refundIndex(refundId);
        if (index < 0 || refunds.get(index).status() != RefundStatus.PENDING) {
            return;
        }
        Refund refund = refunds.get(index);
        refunds.set(index, refund.refunded(now));
        effects.add(new Effect.Refunded(refundId));
        completeReturnIfSettled(refund.returnId(), now);
    }

    /** Payment could not carry out a partial refund; nothing was given back for it. */
    public void refundRefused(String refundId, String reason, Instant now) {
        int index = refundIndex(refundId);
        if (index < 0 || refunds.get(index).status() != RefundStatus.PENDING) {
            return;
        }
        Refund refund = refunds.get(index);
        refunds.set(index, refund.refused(reason == null || reason.isBlank() ? "refused" : reason, now));
        completeReturnIfSettled(refund.returnId(), now);
    }

    /** Inventory took a return's copies in; a repeated answer changes nothing. */
    public void returnRestocked(String returnId, Instant now) {
        for (OrderReturn candidate : returns) {
            if (candidate.id().equals(returnId) && !candidate.restocked()) {
                replace(candidate.asRestocked());
                completeReturnIfSettled(returnId, now);
                return;
            }
        }
    }

    private void refundReturn(OrderReturn received, Instant now) {
        Money amount = received.total().min(refundable());
        if (amount.amount() > 0) {
            refunds.add(Refund.requested(received.id(), received.id(), amount, "return " + received.id(), now));
            effects.add(new Effect.RefundAmount(received.id()));
        }
        completeReturnIfSettled(received.id(), now);
    }

    private void completeReturnIfSettled(String returnId, Instant now) {
        if (returnId == null) {
            return;
        }
        OrderReturn settled = returnOf(returnId);
        int refund = refundIndex(returnId);
        if (settled.status() == ReturnStatus.RECEIVED
                && settled.restocked()
                && (refund < 0 || refunds.get(refund).status() != RefundStatus.PENDING)) {
            replace(settled.moved(ReturnStatus.COMPLETED, now, null, null));
            effects.add(new Effect.ReturnCompleted(returnId));
        }
    }

    /** What may still be refunded: the total less every refund given or under way. */
    private Money refundable() {
        Money committed = Money.zero(total.currency());
        for (Refund refund : refunds) {
            if (refund.status() != RefundStatus.REFUSED) {
                committed = committed.plus(refund.amount());
            }
        }
        return total.minusAtMostAll(committed);
    }

    private int copiesReturning(String bookId) {
        return returns.stream()
                .filter(OrderReturn::holdsCopies)
                .mapToInt(held -> held.quantityOf(bookId))
                .sum();
    }

    /** The return with this id. */
    public OrderReturn returnOf(String returnId) {
        return returns.stream()
                .filter(candidate -> candidate.id().equals(returnId))
                .findFirst()
                .orElseThrow(() -> new ReturnNotFoundException(returnId));
    }

    /** The partial refund with this id, if there is one. */
    public Refund refundOf(String refundId) {
        int index = refundIndex(refundId);
        return index < 0 ? null : refunds.get(index);
    }

    private int refundIndex(String refundId) {
        for (int i = 0; i < refunds.size(); i++) {
            if (refunds.get(i).id().equals(refundId)) {
                return i;
            }
        }
        return -1;
    }

    private void replace(OrderReturn changed) {
        for (int i = 0; i < returns.size(); i++) {
            if (returns.get(i).id().equals(changed.id())) {
                returns.set(i, changed);
                return;
            }
        }
        throw new ReturnNotFoundException(changed.id());
    }

    private Instant lastTimeIn(OrderStatus wanted) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == wanted) {
                return history.get(i).at();
            }
        }
        return null;
    }

    private static String checkedText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidOrderException(what + " gives a reason.");
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_REASON) {
            throw new InvalidOrderException(what + "'s reason is at most " + MAX_REASON + " characters long.");
        }
        return stripped;
    }

    /** A book and how many of its copies a customer wants to return. */
    public record ReturnItem(String bookId, int quantity) {}

    /** What inspection found among a book's returned copies. */
    public record ReturnedCopies(String bookId, int resalable, int damaged) {}

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
                            + next.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        status = next;
        history.add(new StatusChange(next, now, reason));
        if (reason != null) {
            failureReason = reason;
        }
    }

    private boolean awaiting(SagaStep awaited) {
        return status.inSaga() && step == awaited;
    }

    private String describeStatus() {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
                List.copyOf(history),
                List.copyOf(returns),
                List.copyOf(refunds),
                paymentAction,
                accountClosedAt);
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

    /** Where the order goes; null once the customer closed their account and it was erased. */
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

    /** What the customer has to do to pay, while the order awaits payment; empty otherwise. */
    public Optional<PaymentAction> paymentAction() {
        return status == OrderStatus.AWAITING_PAYMENT ? Optional.ofNullable(paymentAction) : Optional.empty();
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public List<OrderReturn> returns() {
        return List.copyOf(returns);
    }

    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /**
     * @param deadline when the saga stops waiting for the current step's answer; null once settled
     * @param chargeRequested whether payment was asked to charge, so cancelling must also refund
     * @param refunded what payment reported refunding in all (a cancellation's refund, or the partial
     *     refunds so far), or null
     * @param returns the order's returns, oldest first
     * @param refunds the order's partial refunds (of returns, or an admin's without one), oldest first
     * @param paymentAction what the customer was last told to do to pay; null when payment never asked
     * @param accountClosedAt when the customer's account was closed; null while it is open. The
     *     address is null once erased (see {@link #closeAccount})
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
            List<StatusChange> history,
            List<OrderReturn> returns,
            List<Refund> refunds,
            PaymentAction paymentAction,
            Instant accountClosedAt) {

        public State {
            returns = returns == null ? List.of() : List.copyOf(returns);
            refunds = refunds == null ? List.of() : List.copyOf(refunds);
        }
    }
}
