package bookstore.order.ordering.domain;

import bookstore.order.pricing.domain.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Part of an order's money going back: a return's lines, or an amount an admin refunds without a
 * return.
 *
 * @param returnId the return it pays back, or null
 * @param refusal why payment refused it, once REFUSED
 * @param settledAt when payment answered; null while PENDING
 */
public record Refund(
        String id,
        String returnId,
        Money amount,
        String reason,
        RefundStatus status,
        String refusal,
        Instant requestedAt,
        Instant settledAt) {

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    static Refund requested(String id, String returnId, Money amount, String reason, Instant now) {
        return new Refund(id, returnId, amount, reason, RefundStatus.PENDING, null, now, null);
    }

    Refund refunded(Instant now) {
        return new Refund(id, returnId, amount, reason, RefundStatus.REFUNDED, null, requestedAt, now);
    }

    Refund refused(String why, Instant now) {
        return new Refund(id, returnId, amount, reason, RefundStatus.REFUSED, why, requestedAt, now);
    }
}
