package bookstore.order.shipping.carrier;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in sandbox carrier, the carrier unless Kuaidi100 is configured.
 *
 * @param pace the time between two updates of a shipment (collected, in transit twice, out for
 *     delivery, delivered): slow enough to watch in the shop by default, seconds in tests
 * @param salt what it signs its pushes with, as Kuaidi100 does; unset, a random one per process
 * @param callbackUrl where it pushes; unset, this service's own callback route on its port
 * @param pollInterval how often it looks for updates that are due
 * @param retryAfter how long a push that was not acknowledged waits before it is sent again
 */
@ConfigurationProperties("bookstore.shipping.sandbox")
record SandboxCarrierProperties(
        @DefaultValue("20s") Duration pace,
        String salt,
        URI callbackUrl,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration retryAfter) {

    SandboxCarrierProperties {
        if (!pace.isPositive() || !pollInterval.isPositive() || !retryAfter.isPositive()) {
            throw new IllegalArgumentException("bookstore.shipping.sandbox: durations must be positive");
        }
    }
}
