package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Payment;
import java.util.Objects;

/**
 * A payment as it is stored, with the W3C trace context of the saga command it serves (its charge,
 * later a refund): what it announces after a provider call or a webhook continues that trace.
 *
 * @param traceparent null for a command that came without one, or a payment stored before it was kept
 */
public record TracedPayment(Payment payment, String traceparent) {

    public TracedPayment {
        Objects.requireNonNull(payment, "payment");
    }
}
