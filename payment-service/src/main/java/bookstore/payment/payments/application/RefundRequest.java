package bookstore.payment.payments.application;

import java.util.Objects;
import java.util.UUID;

/**
 * The saga asks to give back what an order was charged, for compensation or a cancelled order.
 *
 * @param reason why the order no longer wants to pay, for the record
 */
public record RefundRequest(UUID requestId, String orderId, String reason) implements PaymentRequest {

    public RefundRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
