package bookstore.payment.provider.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe, when configured.
 *
 * @param apiKey the secret API key ({@code STRIPE_API_KEY}); never logged or returned
 * @param webhookSecret the webhook endpoint's signing secret ({@code STRIPE_WEBHOOK_SECRET})
 * @param apiBase where the API is; tests point it at recorded responses
 * @param timeout connect and read timeout of one request
 * @param networkRetries how often the SDK itself retries a request that failed on the network;
 *     safe because every request that moves money carries an idempotency key
 */
@ConfigurationProperties("bookstore.payment.stripe")
record StripeProperties(
        String apiKey,
        String webhookSecret,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2") int networkRetries) {

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", timeout=" + timeout + ", networkRetries=" + networkRetries
                + "]";
    }
}
