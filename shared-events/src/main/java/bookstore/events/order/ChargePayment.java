package bookstore.events.order;

import bookstore.events.Money;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Charge the customer for an order.
 *
 * @param paymentMethod the provider's payment method reference: a card's, e.g. {@code pm_card_visa}, or
 *     a method the customer completes with the provider ({@code alipay_qr}, {@code alipay_page},
 *     {@code wechat_native})
 * @param payBy until when the order waits for the payment (schema version 2): a trade the customer
 *     completes expires at the provider then; null in version 1 records
 */
public record ChargePayment(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String customerId,
        Money amount,
        String paymentMethod,
        Instant payBy)
        implements PaymentCommand {

    public ChargePayment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a charge must be positive");
        }
    }

    @Override
    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 2;
    }
}
