package bookstore.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One partial refund of a captured payment, as the saga asked for it ({@code RefundAmount}): its own
 * provider call under its own idempotency key, and its own outcome. The saga's {@code refundId}
 * names it; the same id again is the same refund.
 *
 * @param id our id of the refund
 * @param refundId the saga's id of the refund, unique per payment
 * @param requestId the saga's request that asked for it: delivered again, it is not answered twice
 * @param reason why it was asked for, as the saga said (text, possibly an admin's); may be null
 * @param failureReason the provider's refusal code, when {@link Status#REFUSED}
 */
public record Refund(
        UUID id,
        String refundId,
        UUID requestId,
        Money amount,
        String reason,
        Status status,
        String failureReason,
        Instant requestedAt,
        Instant updatedAt) {

    /** Where a partial refund stands with the provider. */
    public enum Status {
        /** Accepted; the provider has not answered yet. The amount is on its way back. */
        PENDING,
        /** The provider gave the amount back. */
        SUCCEEDED,
        /** The provider refused it; nothing was given back. */
        REFUSED
    }

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund gives back a positive amount");
        }
    }

    static Refund requested(String refundId, UUID requestId, Money amount, String reason, Instant now) {
        return new Refund(UUID.randomUUID(), refundId, requestId, amount, reason, Status.PENDING, null, now, now);
    }

    /** The idempotency key of this refund at the provider: the same on every attempt. */
    public String idempotencyKey(UUID paymentId) {
        return "payment-" + paymentId + "-refund-" + refundId;
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    Refund succeeded(Instant now) {
        return new Refund(id, refundId, requestId, amount, this.reason, Status.SUCCEEDED, null, requestedAt, now);
    }

    Refund refused(String reason, Instant now) {
        return new Refund(id, refundId, requestId, amount, this.reason, Status.REFUSED, reason, requestedAt, now);
    }
}
