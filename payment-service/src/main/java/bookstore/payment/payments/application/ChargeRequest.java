package bookstore.payment.payments.application;

import bookstore.payment.payments.domain.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The saga asks to charge an order.
 *
 * @param customerId who pays; the payment is theirs to see
 * @param paymentMethod the provider's payment method, e.g. {@code pm_card_visa} or {@code alipay_qr}
 * @param payBy until when the order waits for the payment; null when the saga did not say
 */
public record ChargeRequest(
        UUID requestId, String orderId, String customerId, Money amount, String paymentMethod, Instant payBy)
        implements PaymentRequest {

    public ChargeRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a charge must be positive");
        }
        if (paymentMethod.isBlank()) {
            throw new IllegalArgumentException("a charge needs a payment method");
        }
    }
}
