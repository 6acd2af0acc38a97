package bookstore.payment.provider.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in sandbox provider, active unless Stripe is configured.
 *
 * @param webhookSecret the secret its webhooks are signed with; the local launcher sets one. Left
 *     unset, a random one is generated at start (and logged that it was, never its value): no
 *     secret ships as a default that a deployment could end up using
 * @param webhookUrl where it posts webhooks; unset, this service's own webhook route on its port
 * @param confirmationDelay how long after accepting a charge it confirms later ({@code
 *     pm_card_visa_processing}) the sandbox captures it and says so
 * @param eventDelay how long after answering a call the sandbox reports the outcome by webhook too,
 *     as Stripe sends its events a moment after its API has answered
 * @param webhookAttempts deliveries of one event before the sandbox gives up
 * @param webhookBackOff the first pause between deliveries; it grows exponentially
 */
@ConfigurationProperties("bookstore.payment.sandbox")
record SandboxProperties(
        String webhookSecret,
        URI webhookUrl,
        @DefaultValue("100ms") Duration confirmationDelay,
        @DefaultValue("200ms") Duration eventDelay,
        @DefaultValue("8") int webhookAttempts,
        @DefaultValue("200ms") Duration webhookBackOff) {

    SandboxProperties {
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("the sandbox must try to deliver a webhook at least once");
        }
    }
}
