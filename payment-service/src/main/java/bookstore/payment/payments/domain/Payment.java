package bookstore.payment.payments.domain;

import bookstore.payment.payments.domain.Effect.ActionRequired;
import bookstore.payment.payments.domain.Effect.AmountRefunded;
import bookstore.payment.payments.domain.Effect.ChargeFailed;
import bookstore.payment.payments.domain.Effect.Charged;
import bookstore.payment.payments.domain.Effect.RefundRefused;
import bookstore.payment.payments.domain.Effect.Refunded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment of one order. It remembers what it still needs from the provider ({@link
 * #nextProviderCall()}), takes the provider's answers in whatever order they come ({@link #record})
 * and registers what the order saga must hear as {@link Effect}s.
 *
 * <p>Money moves only through the provider, and only in this order: a charge is submitted, then
 * captured, declined or cancelled; a captured charge may be given back in parts ({@link
 * #requestPartialRefund}, each part its own provider call under its own key, up to what is still
 * captured) and then all that is left of it ({@link #requestRefund}, which waits for the parts in
 * flight). A payment stays {@code SUCCEEDED} while parts are given back, its {@link #refunded()}
 * total growing; once everything captured has been given back, by parts or at once, it is {@code
 * REFUNDED}. Answers that would move a payment backwards (a late "succeeded" after a cancellation or
 * refund) are stale and change nothing.
 *
 * <p>Every change records its effects, which the application publishes in the transaction that
 * saves the payment.
 */
public final class Payment {

    /** Why a charge for an order that was already cancelled is refused. */
    public static final String ORDER_CANCELLED = "order cancelled";

    /** Why a charge the provider cancelled on its own (or an operator in its dashboard) failed. */
    public static final String CHARGE_CANCELED = "payment_canceled";

    /**
     * Why a payment that had been cancelled is refunded: the provider captured it after all (the
     * customer paid as the trade was being closed).
     */
    public static final String CAPTURED_AFTER_CANCELLATION = "captured after cancellation";

    /** Why a partial refund is refused: the payment holds nothing that could be given back. */
    public static final String NOTHING_CAPTURED = "nothing_captured";

    /** Why a partial refund is refused: it asks for more than is still captured. */
    public static final String EXCEEDS_CAPTURED = "exceeds_captured";

    /** Why a partial refund is refused: not a positive amount in the payment's currency. */
    public static final String INVALID_AMOUNT = "invalid_amount";

    private final UUID id;
    private final UUID requestId;
    private final String orderId;
    private final String customerId;
    private final Money amount;
    private final String paymentMethod;
    private final String provider;
    private final Instant payBy;
    private final Instant createdAt;
    private final List<Effect> effects = new ArrayList<>();
    private final List<Refund> refunds;

    private PaymentStatus status;
    private String providerReference;
    private String failureReason;
    private boolean refundRequested;
    private UUID refundRequestId;
    private Money refunded;
    private int providerCalls;
    private Instant nextProviderCallAt;
    private Instant updatedAt;
    private CustomerAction action;
    private boolean actionRenewal;

    private Payment(State state) {
        this.id = Objects.requireNonNull(state.id(), "id");
        this.requestId = state.requestId();
        this.orderId = Objects.requireNonNull(state.orderId(), "orderId");
        this.customerId = state.customerId();
        this.amount = Objects.requireNonNull(state.amount(), "amount");
        this.paymentMethod = Objects.requireNonNull(state.paymentMethod(), "paymentMethod");
        this.provider = Objects.requireNonNull(state.provider(), "provider");
        this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
        this.status = Objects.requireNonNull(state.status(), "status");
        this.providerReference = state.providerReference();
        this.failureReason = state.failureReason();
        this.refundRequested = state.refundRequested();
        this.refundRequestId = state.refundRequestId();
        this.refunded = Objects.requireNonNull(state.refunded(), "refunded");
        this.providerCalls = state.providerCalls();
        this.nextProviderCallAt = state.nextProviderCallAt();
        this.updatedAt = Objects.requireNonNull(state.updatedAt(), "updatedAt");
        this.refunds = new ArrayList<>(state.refunds());
        this.payBy = state.payBy();
        this.action = state.action();
        this.actionRenewal = state.actionRenewal();
    }

    /**
     * A new payment for an order; its charge is due at the provider right away.
     *
     * @param requestId the saga's request that asks for it: the same request delivered again is not
     *     answered twice
     * @param payBy until when the order waits for the payment; null when the saga did not say
     */
    public static Payment request(
            UUID id,
            UUID requestId,
            String orderId,
            String customerId,
            Money amount,
            String paymentMethod,
            String provider,
            Instant payBy,
            Instant now) {
        Objects.requireNonNull(requestId, "requestId");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment must be for a positive amount");
        }
        return new Payment(new State(
                id,
                requestId,
                orderId,
                customerId,
                amount,
                paymentMethod,
                provider,
                PaymentStatus.PROCESSING,
                null,
                null,
                false,
                null,
                Money.zero(amount.currency()),
                0,
                now,
                now,
                now,
                List.of(),
                payBy,
                null,
                false));
    }

    /** A payment as it was saved; it has no effects yet. */
    public static Payment restore(State state) {
        return new Payment(state);
    }

    /** The idempotency key of this payment's charge: the same on every attempt. */
    public String chargeKey() {
        return "payment-" + id + "-charge";
    }

    /** The idempotency key of this payment's refund: the same on every attempt. */
    public String refundKey() {
        return "payment-" + id + "-refund";
    }

    /**
     * What the provider must be asked next, if anything. A charge whose submission went unanswered
     * is submitted again under the same key, which tells whether the first attempt got through.
     */
    public Optional<ProviderCall> nextProviderCall() {
        return switch (status) {
            case PROCESSING -> {
                if (providerReference != null && refundRequested) {
                    yield Optional.of(new ProviderCall.Cancel(id, providerReference));
                }
                // A charge is made again under its key when it went unanswered, or to renew the way the
                // customer completes it (a fresh QR code).
                yield Optional.of(
                        providerReference == null || actionRenewal
                                ? new ProviderCall.Charge(id, orderId, amount, paymentMethod, chargeKey(), payBy)
                                : new ProviderCall.CheckStatus(id, providerReference));
            }
            case SUCCEEDED -> {
                // Parts first, one at a time; all that is left goes back once none is in flight.
                Optional<ProviderCall> part = refunds.stream()
                        .filter(Refund::pending)
                        .findFirst()
                        .map(refund -> new ProviderCall.Refund(
                                id, providerReference, refund.amount(), refund.idempotencyKey(id), refund.refundId()));
                yield part.isPresent() || !refundRequested
                        ? part
                        : Optional.of(new ProviderCall.Refund(id, providerReference, stillCaptured(), refundKey()));
            }
            case FAILED, CANCELLED, REFUNDED -> Optional.empty();
        };
    }

    /** Whether a call to the provider is due at the given time. */
    public boolean isProviderCallDue(Instant now) {
        return nextProviderCallAt != null && !nextProviderCallAt.isAfter(now);
    }

    /**
     * Takes the due provider call. The payment is held for the caller until {@code lease} has
     * passed; if no answer is recorded by then, the call becomes due again.
     *
     * @throws IllegalStateException if no call is due
     */
    public ProviderCall startProviderCall(Instant now, Duration lease) {
        if (!isProviderCallDue(now)) {
            throw new IllegalStateException("payment " + id + " has no provider call due");
        }
        ProviderCall call = nextProviderCall()
                .orElseThrow(() -> new IllegalStateException("payment " + id + " needs nothing from the provider"));
        providerCalls++;
        nextProviderCallAt = now.plus(lease);
        updatedAt = now;
        return call;
    }

    /** The provider could not be reached or failed; the call is due again after {@code retryIn}. */
    public void providerCallFailed(Instant now, Duration retryIn) {
        if (nextProviderCall().isPresent()) {
            nextProviderCallAt = now.plus(retryIn);
            updatedAt = now;
        }
    }

    /**
     * Applies what the provider says. Stale answers (about a payment that has since moved on) change
     * nothing, not even when the next call is due; the others move the payment forward and register
     * what the saga must hear.
     *
     * @param confirmationCheck how long to wait for the provider's confirmation before asking
     */
    public void record(ProviderAnswer answer, Instant now, Duration confirmationCheck) {
        boolean applies =
                switch (answer) {
                    case ProviderAnswer.Processing processing -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield false;
                        }
                        rememberReference(processing.reference());
                        yield true;
                    }
                    case ProviderAnswer.ActionRequired required -> actionRequired(required);
                    case ProviderAnswer.Succeeded succeeded
                    when status == PaymentStatus.CANCELLED -> capturedAfterCancellation(succeeded);
                    case ProviderAnswer.Succeeded succeeded -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield false;
                        }
                        rememberReference(succeeded.reference());
                        status = PaymentStatus.SUCCEEDED;
                        // Told even when a refund is already asked for (it follows now): every capture the
                        // saga hears of is matched by the refund it hears of, so charges minus refunds add up.
                        effects.add(new Charged(orderId, id, amount));
                        yield true;
                    }
                    case ProviderAnswer.Declined declined -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield false;
                        }
                        rememberReference(declined.reference());
                        status = PaymentStatus.FAILED;
                        failureReason = declined.reason();
                        effects.add(new ChargeFailed(orderId, failureReason));
                        if (refundRequested) {
                            effects.add(nothingRefunded());
                        }
                        yield true;
                    }
                    case ProviderAnswer.Canceled canceled -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield false;
                        }
                        rememberReference(canceled.reference());
                        status = PaymentStatus.CANCELLED;
                        if (refundRequested) {
                            effects.add(nothingRefunded());
                        } else {
                            failureReason = CHARGE_CANCELED;
                            effects.add(new ChargeFailed(orderId, CHARGE_CANCELED));
                        }
                        yield true;
                    }
                    case ProviderAnswer.Refunded refund when refund.refundId() != null -> partRefunded(refund, now);
                    case ProviderAnswer.Refunded refund -> {
                        if (status != PaymentStatus.SUCCEEDED) {
                            yield false;
                        }
                        if (!refund.amount().currency().equals(amount.currency())
                                || refund.amount().amount() > stillCaptured().amount()) {
                            throw new IllegalArgumentException("refund of " + refund.amount() + " does not fit "
                                    + amount + " with " + refunded + " given back");
                        }
                        status = PaymentStatus.REFUNDED;
                        refunded = new Money(refunded.amount() + refund.amount().amount(), amount.currency());
                        effects.add(refundOutcome());
                        yield true;
                    }
                    case ProviderAnswer.RefundRefused refused -> partRefused(refused, now);
                };
        if (applies) {
            scheduleNextProviderCall(now, confirmationCheck);
            updatedAt = now;
        }
    }

    /**
     * The provider waits for the customer. The saga hears of each new way to pay (the first, and
     * every fresh one asked for); the same action told again, or one told after a refund was asked
     * for (the trade is being closed), is not passed on.
     */
    private boolean actionRequired(ProviderAnswer.ActionRequired required) {
        if (status != PaymentStatus.PROCESSING) {
            return false;
        }
        rememberReference(required.reference());
        boolean renewed = actionRenewal;
        actionRenewal = false;
        if (!refundRequested && (renewed || !required.action().equals(action))) {
            action = required.action();
            effects.add(new ActionRequired(orderId, id, provider, action));
        }
        return true;
    }

    /**
     * The provider took the customer's money for a charge that was cancelled here: the customer paid
     * just as the trade was closed, or the notification of a payment came after the order gave up
     * waiting. The money is captured, so it is recorded as such and given back at once; the saga
     * hears of both, so charges minus refunds still add up.
     */
    private boolean capturedAfterCancellation(ProviderAnswer.Succeeded succeeded) {
        boolean ours = providerReference == null ? providerCalls > 0 : providerReference.equals(succeeded.reference());
        if (!ours) {
            // Never submitted (cancelled before the charge was made), or about another charge.
            return false;
        }
        rememberReference(succeeded.reference());
        status = PaymentStatus.SUCCEEDED;
        refundRequested = true;
        failureReason = CAPTURED_AFTER_CANCELLATION;
        effects.add(new Charged(orderId, id, amount));
        return true;
    }

    /**
     * The customer asks for a fresh way to complete the payment (a new QR code): the charge is made
     * again under its key, and the provider's answer is told to the saga even if it is the same.
     * Changes nothing unless the payment still waits for the customer.
     *
     * @return whether a fresh action was asked of the provider
     */
    public boolean requestFreshAction(Instant now) {
        if (status != PaymentStatus.PROCESSING || action == null || refundRequested) {
            return false;
        }
        actionRenewal = true;
        nextProviderCallAt = now;
        updatedAt = now;
        return true;
    }

    /**
     * The order no longer wants to be paid for: give back whatever was captured. A charge that
     * never reached the provider is simply cancelled; one that did is cancelled or refunded there
     * first, and the saga hears once the provider has answered. Asked again once the payment is
     * settled, the outcome is told again.
     */
    public void requestRefund(UUID request, Instant now) {
        if (refundRequested) {
            // The request that asked for the refund, delivered again, changes nothing and is not
            // answered twice; another request is told the outcome once there is one.
            if (status.isFinal() && (request == null || !request.equals(refundRequestId))) {
                effects.add(refundOutcome());
            }
            return;
        }
        refundRequested = true;
        refundRequestId = request;
        updatedAt = now;
        switch (status) {
            case PROCESSING -> {
                if (providerCalls == 0) {
                    status = PaymentStatus.CANCELLED;
                    nextProviderCallAt = null;
                    effects.add(nothingRefunded());
                } else {
                    nextProviderCallAt = now;
                }
            }
            // All that is left goes back after the parts in flight, whose call may hold a lease now.
            case SUCCEEDED -> dueNowUnlessScheduled(now);
            case FAILED, CANCELLED, REFUNDED -> effects.add(refundOutcome());
        }
    }

    /**
     * The saga asks to give back part of what was captured. Accepted only on a captured payment and
     * only up to what is still captured, parts in flight counted as given back; otherwise refused at
     * once ({@link #NOTHING_CAPTURED}, {@link #EXCEEDS_CAPTURED}, {@link #INVALID_AMOUNT}), changing
     * nothing. The same {@code refundId} again is the same refund: the request that asked for it,
     * delivered again, changes nothing and is not answered twice; another request is told the
     * outcome once there is one, and nothing is given back twice.
     */
    public void requestPartialRefund(String refundId, UUID request, Money part, String reason, Instant now) {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(part, "part");
        Optional<Refund> known = refund(refundId);
        if (known.isPresent()) {
            Refund refund = known.get();
            if (!refund.pending() && (request == null || !request.equals(refund.requestId()))) {
                effects.add(outcomeOf(refund));
            }
            return;
        }
        String refusal = refusalOf(part);
        if (refusal != null) {
            effects.add(new RefundRefused(orderId, refundId, refusal));
            return;
        }
        refunds.add(Refund.requested(refundId, request, part, reason, now));
        dueNowUnlessScheduled(now);
        updatedAt = now;
    }

    /** What could still be given back in parts: captured, not given back, not on its way back. */
    public Money refundable() {
        if (status != PaymentStatus.SUCCEEDED || refundRequested) {
            return Money.zero(amount.currency());
        }
        long inFlight = refunds.stream()
                .filter(Refund::pending)
                .mapToLong(refund -> refund.amount().amount())
                .sum();
        return new Money(stillCaptured().amount() - inFlight, amount.currency());
    }

    private String refusalOf(Money part) {
        if (!part.isPositive() || !part.currency().equals(amount.currency())) {
            return INVALID_AMOUNT;
        }
        Money refundable = refundable();
        if (!refundable.isPositive()) {
            return NOTHING_CAPTURED;
        }
        return part.amount() > refundable.amount() ? EXCEEDS_CAPTURED : null;
    }

    private boolean partRefunded(ProviderAnswer.Refunded answer, Instant now) {
        Optional<Refund> pending = refund(answer.refundId()).filter(Refund::pending);
        if (pending.isEmpty()) {
            return false;
        }
        Refund refund = pending.get();
        if (!answer.amount().equals(refund.amount())) {
            throw new IllegalArgumentException(
                    "refund " + refund.refundId() + " of " + refund.amount() + " answered as " + answer.amount());
        }
        replace(refund.succeeded(now));
        refunded = new Money(refunded.amount() + refund.amount().amount(), amount.currency());
        effects.add(new AmountRefunded(orderId, refund.refundId(), refund.amount(), refunded));
        if (!stillCaptured().isPositive() && refunds.stream().noneMatch(Refund::pending)) {
            // Everything captured went back in parts: nothing is left to refund or to charge.
            status = PaymentStatus.REFUNDED;
            if (refundRequested) {
                effects.add(refundOutcome());
            }
        }
        return true;
    }

    private boolean partRefused(ProviderAnswer.RefundRefused answer, Instant now) {
        Optional<Refund> pending = refund(answer.refundId()).filter(Refund::pending);
        if (pending.isEmpty()) {
            return false;
        }
        Refund refused = pending.get().refused(answer.reason(), now);
        replace(refused);
        effects.add(outcomeOf(refused));
        return true;
    }

    private Effect outcomeOf(Refund refund) {
        return refund.status() == Refund.Status.SUCCEEDED
                ? new AmountRefunded(orderId, refund.refundId(), refund.amount(), refunded)
                : new RefundRefused(orderId, refund.refundId(), refund.failureReason());
    }

    private Optional<Refund> refund(String refundId) {
        return refunds.stream()
                .filter(refund -> refund.refundId().equals(refundId))
                .findFirst();
    }

    private void replace(Refund changed) {
        refunds.replaceAll(refund -> refund.id().equals(changed.id()) ? changed : refund);
    }

    private Money stillCaptured() {
        return new Money(amount.amount() - refunded.amount(), amount.currency());
    }

    /** A call in progress (leased) or backing off keeps its time; the new work follows it. */
    private void dueNowUnlessScheduled(Instant now) {
        if (nextProviderCallAt == null) {
            nextProviderCallAt = now;
        }
    }

    /**
     * The saga asks to charge this order again. The request that opened the payment, delivered
     * again, changes nothing and is not answered twice (its answer comes from the provider); another
     * request is told the first outcome, and nothing is charged a second time.
     */
    public void chargeRequestedAgain(UUID request) {
        if (request != null && request.equals(requestId)) {
            return;
        }
        if (refundRequested || status == PaymentStatus.CANCELLED) {
            effects.add(new ChargeFailed(orderId, ORDER_CANCELLED));
            return;
        }
        switch (status) {
            // Refunded in parts (a return), the order was still paid for.
            case SUCCEEDED, REFUNDED -> effects.add(new Charged(orderId, id, amount));
            case FAILED -> effects.add(new ChargeFailed(orderId, failureReason));
            default -> {
                // Still with the provider: the outcome is told when it comes.
            }
        }
    }

    private void rememberReference(String reference) {
        if (providerReference == null && reference != null) {
            providerReference = reference;
        }
    }

    private void scheduleNextProviderCall(Instant now, Duration confirmationCheck) {
        if (nextProviderCall().isEmpty()) {
            nextProviderCallAt = null;
        } else if (status == PaymentStatus.PROCESSING
                && providerReference != null
                && !refundRequested
                && !actionRenewal) {
            // Accepted and awaiting the provider's webhook; ask ourselves if it does not come.
            nextProviderCallAt = now.plus(confirmationCheck);
        } else {
            nextProviderCallAt = now;
        }
    }

    private Refunded nothingRefunded() {
        return new Refunded(orderId, Money.zero(amount.currency()));
    }

    private Refunded refundOutcome() {
        return new Refunded(orderId, refunded);
    }

    /** The effects of the changes made since the payment was requested or restored, in order. */
    public List<Effect> effects() {
        return List.copyOf(effects);
    }

    /** Everything the payment is, for saving it and for restoring it later. */
    public State state() {
        return new State(
                id,
                requestId,
                orderId,
                customerId,
                amount,
                paymentMethod,
                provider,
                status,
                providerReference,
                failureReason,
                refundRequested,
                refundRequestId,
                refunded,
                providerCalls,
                nextProviderCallAt,
                createdAt,
                updatedAt,
                List.copyOf(refunds),
                payBy,
                action,
                actionRenewal);
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public String orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public Money amount() {
        return amount;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String provider() {
        return provider;
    }

    public PaymentStatus status() {
        return status;
    }

    /**
     * Whether the charge's outcome is on record: a payment takes an outcome only while processing
     * and never goes back to it, so no {@linkplain ProviderAnswer#isOutcome() outcome} told later,
     * repeated or contradicting, changes it any more.
     */
    public boolean outcomeSettled() {
        return status != PaymentStatus.PROCESSING;
    }

    /** Until when the order waits for the payment; null when the saga did not say. */
    public Instant payBy() {
        return payBy;
    }

    /**
     * What the customer has to do for the provider to take the payment, while it waits for them;
     * empty for a payment that needs nothing of the customer or has an outcome.
     */
    public Optional<CustomerAction> action() {
        return status == PaymentStatus.PROCESSING && !refundRequested ? Optional.ofNullable(action) : Optional.empty();
    }

    public String providerReference() {
        return providerReference;
    }

    public String failureReason() {
        return failureReason;
    }

    public boolean refundRequested() {
        return refundRequested;
    }

    /** All that was given back so far, partial refunds and the refund of the rest. */
    public Money refunded() {
        return refunded;
    }

    /** The partial refunds, in the order they were asked for. */
    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** Whether a refund was asked for that the provider has not answered yet: a part, or the rest. */
    public boolean refundPending() {
        return (refundRequested && !status.isFinal()) || refunds.stream().anyMatch(Refund::pending);
    }

    public int providerCalls() {
        return providerCalls;
    }

    public Instant nextProviderCallAt() {
        return nextProviderCallAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * @param requestId the saga's request that opened the payment; null for payments opened before
     *     it was kept
     * @param customerId who pays; null when the saga did not say
     * @param providerReference the provider's id of the charge, once it gave one
     * @param refundRequested the order no longer wants to be paid for
     * @param refundRequestId the saga's request that asked for the refund; null before one did, or for
     *     refunds asked for before it was kept
     * @param refunded all that was given back; zero until a refund is confirmed
     * @param providerCalls calls taken so far, for the back-off
     * @param nextProviderCallAt when the next call to the provider is due; null when none is
     * @param refunds the partial refunds, in the order they were asked for
     * @param payBy until when the order waits for the payment; null when the saga did not say
     * @param action what the customer was last told to do to pay; null when nothing
     * @param actionRenewal the customer asked for a fresh action, which the provider has not given yet
     */
    public record State(
            UUID id,
            UUID requestId,
            String orderId,
            String customerId,
            Money amount,
            String paymentMethod,
            String provider,
            PaymentStatus status,
            String providerReference,
            String failureReason,
            boolean refundRequested,
            UUID refundRequestId,
            Money refunded,
            int providerCalls,
            Instant nextProviderCallAt,
            Instant createdAt,
            Instant updatedAt,
            List<Refund> refunds,
            Instant payBy,
            CustomerAction action,
            boolean actionRenewal) {

        public State {
            refunds = List.copyOf(refunds);
        }
    }
}
