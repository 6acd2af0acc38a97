package bookstore.events.order;

import bookstore.events.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Charge the customer for an order.
 *
 * @param paymentMethod the provider's payment method reference, e.g. {@code pm_card_visa}
 */
public record ChargePayment(
        UUID eventId, Instant occurredAt, String orderId, String customerId, Money amount, String paymentMethod)
        implements PaymentCommand {

    public ChargePayment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a charge must be positive");
        }
    }
}
