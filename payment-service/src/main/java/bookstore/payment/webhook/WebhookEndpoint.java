package bookstore.payment.webhook;

import java.util.Objects;

/**
 * A provider whose webhooks this service takes at {@code /api/payments/webhooks/{provider}},
 * and the secret they are signed with. The active provider's configuration declares it as a bean.
 */
public record WebhookEndpoint(String provider, String secret) {

    public WebhookEndpoint {
        Objects.requireNonNull(provider, "provider");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook endpoint needs a signing secret");
        }
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[provider=" + provider + ", secret=(hidden)]";
    }
}
