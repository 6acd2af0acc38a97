package bookstore.payment;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.payment.payments.application.Payments;
import bookstore.payment.payments.application.TracedPayment;
import bookstore.payment.payments.domain.Money;
import bookstore.payment.payments.domain.Payment;
import bookstore.payment.payments.domain.ProviderAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Charges of 20.00 CNY that the sandbox accepted as processing and would confirm only when asked
 * (the confirmation check is an hour away), stored on both sides, so a test alone decides what the
 * provider says next.
 */
final class SandboxPendingCharges {

    private SandboxPendingCharges() {}

    static Payment pendingCharge(DatabaseClient database, Payments payments) {
        var now = Instant.now();
        String reference = "pi_sbx_" + UUID.randomUUID().toString().replace("-", "");
        var payment = Payment.request(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "order-" + UUID.randomUUID(),
                "customer-1",
                new Money(2_000, "CNY"),
                "pm_card_visa",
                "sandbox",
                null,
                now);
        payment.startProviderCall(now, Duration.ofSeconds(30));
        payment.record(new ProviderAnswer.Processing(reference), now, Duration.ofHours(1));
        database.sql("""
                        INSERT INTO sandbox_payment_intent (id, idempotency_key, amount, currency, payment_method, status,
                            payment_id, order_id, created_at)
                        VALUES (:id, :key, 2000, 'CNY', 'pm_card_visa', 'processing', :paymentId, :orderId, now())
                        """)
                .bind("id", reference)
                .bind("key", payment.chargeKey())
                .bind("paymentId", payment.id().toString())
                .bind("orderId", payment.orderId())
                .then()
                .block();
        assertThat(payments.insertNew(List.of(new TracedPayment(payment, null))).block())
                .containsExactly(payment.orderId());
        return payment;
    }
}
