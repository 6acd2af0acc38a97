package bookstore.order.ordering.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the customer has to do for the payment provider to take the order's payment, as payment
 * told it: scan a QR code with the provider's app ({@code QR_CODE}), or go to the provider's page
 * ({@code REDIRECT}: a wallet's checkout, a card's 3-D Secure).
 *
 * @param provider who takes the payment, e.g. {@code alipay}, {@code wechatpay}, {@code sandbox}
 * @param value the QR code's content, or the URL
 * @param expiresAt when the provider stops taking it; null if it did not say
 */
public record PaymentAction(String provider, String kind, String value, Instant expiresAt) {

    public PaymentAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
