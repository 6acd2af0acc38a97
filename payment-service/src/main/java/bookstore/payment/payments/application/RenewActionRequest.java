package bookstore.payment.payments.application;

import java.util.Objects;
import java.util.UUID;

/** The customer asks for a fresh way to complete the order's payment (a new QR code). */
public record RenewActionRequest(UUID requestId, String orderId) implements PaymentRequest {

    public RenewActionRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
