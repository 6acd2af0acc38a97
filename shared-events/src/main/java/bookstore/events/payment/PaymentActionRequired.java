package bookstore.events.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The provider holds a payment the customer has to complete: scan a QR code, or go through the
 * provider's page (a wallet's checkout, a card's 3-D Secure). The order waits for the outcome,
 * which follows as {@link PaymentSucceeded} or {@link PaymentFailed}; a fresh action for the same
 * payment (the customer asked for a new QR code) is told again.
 *
 * @param kind {@code QR_CODE} (show {@code value} as a QR code to scan with the provider's app) or
 *     {@code REDIRECT} (send the customer's browser to the URL in {@code value})
 * @param value the QR code's content or the URL
 * @param expiresAt when the provider stops taking this payment; null if it did not say
 */
public record PaymentActionRequired(
        UUID eventId,
        Instant occurredAt,
        String orderId,
        String paymentId,
        String provider,
        String kind,
        String value,
        Instant expiresAt)
        implements PaymentEvent {

    public static final String QR_CODE = "QR_CODE";
    public static final String REDIRECT = "REDIRECT";

    public PaymentActionRequired {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (!QR_CODE.equals(kind) && !REDIRECT.equals(kind)) {
            throw new IllegalArgumentException("unknown payment action kind " + kind);
        }
    }
}
