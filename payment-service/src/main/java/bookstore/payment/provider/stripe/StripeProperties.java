package bookstore.payment.provider.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * @param returnUrl where Stripe sends the customer back after 3-D Secure: the storefront's order
 *     page, {@value #ORDER_ID} standing for the order's id
 */
@ConfigurationProperties("bookstore.payment.stripe")
record StripeProperties(
        String apiKey,
        String webhookSecret,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2") int networkRetries,

        @DefaultValue("http://localhost:8080/orders/" + StripeProperties.ORDER_ID)
        String returnUrl) {

    static final String ORDER_ID = "{orderId}";

    StripeProperties {
        if (!returnUrl.contains(ORDER_ID)) {
            throw new IllegalArgumentException(
                    "bookstore.payment.stripe.return-url must name the order page with " + ORDER_ID);
        }
    }

    /** The storefront's page of this order. */
    String returnUrlFor(String orderId) {
        return returnUrl.replace(ORDER_ID, URLEncoder.encode(orderId, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", timeout=" + timeout + ", networkRetries=" + networkRetries
                + ", returnUrl=" + returnUrl + "]";
    }
}
