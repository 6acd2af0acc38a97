package bookstore.payment.payments.domain;

import bookstore.payment.payments.domain.Announcement.ChargeFailed;
import bookstore.payment.payments.domain.Announcement.Charged;
import bookstore.payment.payments.domain.Announcement.Refunded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment of one order. It remembers what it still needs from the provider ({@link
 * #nextProviderCall()}), takes the provider's answers in whatever order they come ({@link #record})
 * and says what the order saga must hear ({@link Announcement}s).
 *
 * <p>Money moves only through the provider, and only in this order: a charge is submitted, then
 * captured, declined or cancelled; a captured charge may be refunded once. Answers that would move
 * a payment backwards (a late "succeeded" after a cancellation or refund) are stale and change
 * nothing.
 */
public final class Payment {

    /** Why a charge for an order that was already cancelled is refused. */
    public static final String ORDER_CANCELLED = "order cancelled";

    /** Why a charge the provider cancelled on its own (or an operator in its dashboard) failed. */
    public static final String CHARGE_CANCELED = "payment_canceled";

    private final UUID id;
    private final String orderId;
    private final String customerId;
    private final Money amount;
    private final String paymentMethod;
    private final String provider;
    private final Instant createdAt;

    private PaymentStatus status;
    private String providerReference;
    private String failureReason;
    private boolean refundRequested;
    private Money refunded;
    private int providerCalls;
    private Instant nextProviderCallAt;
    private Instant updatedAt;
    private String traceparent;

    private Payment(
            UUID id,
            String orderId,
            String customerId,
            Money amount,
            String paymentMethod,
            String provider,
            Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = customerId;
        this.amount = Objects.requireNonNull(amount, "amount");
        this.paymentMethod = Objects.requireNonNull(paymentMethod, "paymentMethod");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new payment for an order; its charge is due at the provider right away. */
    public static Payment request(
            UUID id,
            String orderId,
            String customerId,
            Money amount,
            String paymentMethod,
            String provider,
            Instant now) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment must be for a positive amount");
        }
        Payment payment = new Payment(id, orderId, customerId, amount, paymentMethod, provider, now);
        payment.status = PaymentStatus.PROCESSING;
        payment.refunded = Money.zero(amount.currency());
        payment.nextProviderCallAt = now;
        payment.updatedAt = now;
        return payment;
    }

    /** A payment as it was stored. */
    public static Payment restore(
            UUID id,
            String orderId,
            String customerId,
            Money amount,
            String paymentMethod,
            String provider,
            PaymentStatus status,
            String providerReference,
            String failureReason,
            boolean refundRequested,
            Money refunded,
            int providerCalls,
            Instant nextProviderCallAt,
            Instant createdAt,
            Instant updatedAt,
            String traceparent) {
        Payment payment = new Payment(id, orderId, customerId, amount, paymentMethod, provider, createdAt);
        payment.status = Objects.requireNonNull(status, "status");
        payment.providerReference = providerReference;
        payment.failureReason = failureReason;
        payment.refundRequested = refundRequested;
        payment.refunded = Objects.requireNonNull(refunded, "refunded");
        payment.providerCalls = providerCalls;
        payment.nextProviderCallAt = nextProviderCallAt;
        payment.updatedAt = updatedAt;
        payment.traceparent = traceparent;
        return payment;
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
            case PROCESSING ->
                Optional.of(
                        providerReference == null
                                ? new ProviderCall.Charge(id, orderId, amount, paymentMethod, chargeKey())
                                : refundRequested
                                        ? new ProviderCall.Cancel(id, providerReference)
                                        : new ProviderCall.CheckStatus(id, providerReference));
            case SUCCEEDED ->
                refundRequested
                        ? Optional.of(new ProviderCall.Refund(id, providerReference, amount, refundKey()))
                        : Optional.empty();
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
     * nothing; the others move the payment forward and tell what the saga must hear.
     *
     * @param confirmationCheck how long to wait for the provider's confirmation before asking
     */
    public List<Announcement> record(ProviderAnswer answer, Instant now, Duration confirmationCheck) {
        List<Announcement> announcements =
                switch (answer) {
                    case ProviderAnswer.Processing processing -> {
                        if (status == PaymentStatus.PROCESSING) {
                            rememberReference(processing.reference());
                        }
                        yield List.of();
                    }
                    case ProviderAnswer.Succeeded succeeded -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield List.of();
                        }
                        rememberReference(succeeded.reference());
                        status = PaymentStatus.SUCCEEDED;
                        // Told even when a refund is already asked for (it follows now): every capture the
                        // saga hears of is matched by the refund it hears of, so charges minus refunds add up.
                        yield List.of(new Charged(orderId, id, amount));
                    }
                    case ProviderAnswer.Declined declined -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield List.of();
                        }
                        rememberReference(declined.reference());
                        status = PaymentStatus.FAILED;
                        failureReason = declined.reason();
                        var failed = new ChargeFailed(orderId, failureReason);
                        yield refundRequested ? List.of(failed, nothingRefunded()) : List.of(failed);
                    }
                    case ProviderAnswer.Canceled canceled -> {
                        if (status != PaymentStatus.PROCESSING) {
                            yield List.of();
                        }
                        rememberReference(canceled.reference());
                        status = PaymentStatus.CANCELLED;
                        if (refundRequested) {
                            yield List.of(nothingRefunded());
                        }
                        failureReason = CHARGE_CANCELED;
                        yield List.of(new ChargeFailed(orderId, CHARGE_CANCELED));
                    }
                    case ProviderAnswer.Refunded refund -> {
                        if (status != PaymentStatus.SUCCEEDED) {
                            yield List.of();
                        }
                        if (!refund.amount().currency().equals(amount.currency())
                                || refund.amount().amount() > amount.amount()) {
                            throw new IllegalArgumentException(
                                    "refund of " + refund.amount() + " does not fit " + amount);
                        }
                        status = PaymentStatus.REFUNDED;
                        refunded = refund.amount();
                        yield List.of(new Refunded(orderId, refunded));
                    }
                };
        scheduleNextProviderCall(now, confirmationCheck);
        updatedAt = now;
        return announcements;
    }

    /**
     * The order no longer wants to be paid for: give back whatever was captured. A charge that
     * never reached the provider is simply cancelled; one that did is cancelled or refunded there
     * first, and the saga hears once the provider has answered.
     */
    public List<Announcement> requestRefund(Instant now) {
        if (refundRequested) {
            return status.isFinal() ? List.of(refundAnnouncement()) : List.of();
        }
        refundRequested = true;
        updatedAt = now;
        return switch (status) {
            case PROCESSING -> {
                if (providerCalls == 0) {
                    status = PaymentStatus.CANCELLED;
                    nextProviderCallAt = null;
                    yield List.of(nothingRefunded());
                }
                nextProviderCallAt = now;
                yield List.of();
            }
            case SUCCEEDED -> {
                nextProviderCallAt = now;
                yield List.of();
            }
            case FAILED, CANCELLED, REFUNDED -> List.of(refundAnnouncement());
        };
    }

    /**
     * The saga asks again to charge this order (a retry with a new command): the first outcome is
     * told again, and nothing is charged a second time.
     */
    public List<Announcement> chargeRequestedAgain() {
        if (refundRequested || status == PaymentStatus.CANCELLED || status == PaymentStatus.REFUNDED) {
            return List.of(new ChargeFailed(orderId, ORDER_CANCELLED));
        }
        return switch (status) {
            case SUCCEEDED -> List.of(new Charged(orderId, id, amount));
            case FAILED -> List.of(new ChargeFailed(orderId, failureReason));
            default -> List.of();
        };
    }

    /**
     * The payment now works for a saga command (a charge, later a refund) that came with this W3C
     * trace context, or with none (null). What it announces from then on continues that trace,
     * whether the provider's answer comes back from a call or by webhook.
     */
    public void serve(String commandTraceparent) {
        traceparent = commandTraceparent;
    }

    private void rememberReference(String reference) {
        if (providerReference == null && reference != null) {
            providerReference = reference;
        }
    }

    private void scheduleNextProviderCall(Instant now, Duration confirmationCheck) {
        if (nextProviderCall().isEmpty()) {
            nextProviderCallAt = null;
        } else if (status == PaymentStatus.PROCESSING && providerReference != null && !refundRequested) {
            // Accepted and awaiting the provider's webhook; ask ourselves if it does not come.
            nextProviderCallAt = now.plus(confirmationCheck);
        } else {
            nextProviderCallAt = now;
        }
    }

    private Refunded nothingRefunded() {
        return new Refunded(orderId, Money.zero(amount.currency()));
    }

    private Refunded refundAnnouncement() {
        return new Refunded(orderId, refunded);
    }

    public UUID id() {
        return id;
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

    public String providerReference() {
        return providerReference;
    }

    public String failureReason() {
        return failureReason;
    }

    public boolean refundRequested() {
        return refundRequested;
    }

    public Money refunded() {
        return refunded;
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

    /** The trace context of the saga command the payment serves; null if it came without one. */
    public String traceparent() {
        return traceparent;
    }
}
