package bookstore.payment.payments.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the customer has to do for the provider to take a payment: scan a QR code with the
 * provider's app, or go to the provider's page (a wallet's checkout, a card's 3-D Secure).
 *
 * @param value the QR code's content, or the URL to send the customer's browser to
 * @param expiresAt when the provider stops taking the payment; null if it did not say
 */
public record CustomerAction(Kind kind, String value, Instant expiresAt) {

    public enum Kind {
        QR_CODE,
        REDIRECT
    }

    public CustomerAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a customer action needs a QR code's content or a URL");
        }
    }
}
