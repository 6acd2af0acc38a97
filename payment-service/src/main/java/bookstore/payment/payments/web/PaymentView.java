package bookstore.payment.payments.web;

import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as its owner and admins see it. Provider secrets are never part of it: the service
 * neither stores nor returns client secrets or keys; the provider reference is an id, not a secret.
 *
 * @param refundPending a refund was asked for and the provider has not confirmed it yet
 */
record PaymentView(
        UUID id,
        String orderId,
        String customerId,
        String status,
        Money amount,
        Money refunded,
        boolean refundPending,
        String paymentMethod,
        String provider,
        String providerReference,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    static PaymentView of(Payment payment) {
        return new PaymentView(
                payment.id(),
                payment.orderId(),
                payment.customerId(),
                payment.status().name(),
                payment.amount(),
                payment.refunded(),
                payment.refundRequested() && !payment.status().isFinal(),
                payment.paymentMethod(),
                payment.provider(),
                payment.providerReference(),
                payment.failureReason(),
                payment.createdAt(),
                payment.updatedAt());
    }
}
