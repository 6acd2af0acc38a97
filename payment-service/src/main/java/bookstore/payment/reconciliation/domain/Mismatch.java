package bookstore.payment.reconciliation.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One payment on which we and its provider disagree.
 *
 * @param ours our status, e.g. {@code cancelled}
 * @param theirs the provider's answer, e.g. {@code succeeded} ({@link Comparison#describe})
 */
public record Mismatch(
        UUID paymentId,
        String orderId,
        String provider,
        String ours,
        String theirs,
        MismatchKind kind,
        Instant foundAt) {

    public Mismatch {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(foundAt, "foundAt");
    }
}
