package bookstore.payment.payments.web;

import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.Refund;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as its owner and admins see it. Provider secrets are never part of it: the service
 * neither stores nor returns client secrets or keys; the provider reference is an id, not a secret.
 *
 * @param refunded all that was given back so far: the partial refunds that went through, and the
 *     refund of the rest once the order was cancelled
 * @param refundPending a refund was asked for and the provider has not confirmed it yet
 * @param refunds the partial refunds (of a return, or an admin's), in the order they were asked for
 * @param action what the customer has to do for the provider to take the payment (scan a QR code, go
 *     to the provider's page) while it waits for them; null otherwise
 * @param payBy until when the order waits for the payment; null when the saga did not say
 */
record PaymentView(
        UUID id,
        String orderId,
        String customerId,
        String status,
        Amount amount,
        Amount refunded,
        boolean refundPending,
        List<RefundView> refunds,
        String paymentMethod,
        String provider,
        String providerReference,
        String failureReason,
        ActionView action,
        Instant payBy,
        Instant createdAt,
        Instant updatedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(
                payment.id(),
                payment.orderId(),
                payment.customerId(),
                payment.status().name(),
                Amount.of(payment.amount()),
                Amount.of(payment.refunded()),
                payment.refundPending(),
                payment.refunds().stream().map(RefundView::of).toList(),
                payment.paymentMethod(),
                payment.provider(),
                payment.providerReference(),
                payment.failureReason(),
                payment.action().map(ActionView::of).orElse(null),
                payment.payBy(),
                payment.createdAt(),
                payment.updatedAt());
    }

    /**
     * What the customer has to do to pay.
     *
     * @param kind {@code QR_CODE} or {@code REDIRECT}
     * @param value the QR code's content, or the URL
     * @param expiresAt when the provider stops taking the payment; null if it did not say
     */
    record ActionView(String kind, String value, Instant expiresAt) {

        static ActionView of(CustomerAction action) {
            return new ActionView(action.kind().name(), action.value(), action.expiresAt());
        }
    }

    /**
     * One partial refund.
     *
     * @param refundId the order's id of the refund (a return's id, or an admin refund's)
     * @param reason why it was asked for, as text
     * @param status {@code PENDING}, {@code SUCCEEDED} or {@code REFUSED}
     * @param failureReason the provider's refusal code, when refused
     * @param updatedAt when it was last answered (or asked for, while pending)
     */
    record RefundView(
            UUID id,
            String refundId,
            Amount amount,
            String reason,
            String status,
            String failureReason,
            Instant requestedAt,
            Instant updatedAt) {

        static RefundView of(Refund refund) {
            return new RefundView(
                    refund.id(),
                    refund.refundId(),
                    Amount.of(refund.amount()),
                    refund.reason(),
                    refund.status().name(),
                    refund.failureReason(),
                    refund.requestedAt(),
                    refund.updatedAt());
        }
    }

    /** An amount on the wire: minor units and the currency, nothing the domain's money computes. */
    record Amount(long amount, String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount(), money.currency());
        }
    }
}
