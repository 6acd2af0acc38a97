package bookstore.order.shipping.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How order-service registers shipments with the carrier.
 *
 * @param pollInterval how often the worker looks for subscriptions nobody handed it (retries,
 *     those a restart left behind)
 * @param firstBackOff the pause after the first failed subscription call; it doubles per failure
 * @param maxBackOff the longest pause between two attempts
 * @param callTimeout how long one call to the carrier may take; also the lease of a call under way
 * @param batchSize subscriptions taken per round
 */
@ConfigurationProperties("bookstore.shipping.subscriptions")
public record ShippingProperties(
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("2s") Duration firstBackOff,
        @DefaultValue("30m") Duration maxBackOff,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("50") int batchSize) {

    public ShippingProperties {
        if (!pollInterval.isPositive()
                || !firstBackOff.isPositive()
                || !maxBackOff.isPositive()
                || !callTimeout.isPositive()
                || batchSize < 1) {
            throw new IllegalArgumentException(
                    "bookstore.shipping.subscriptions: durations and batch size must be positive");
        }
    }

    /** The pause after the {@code attempts}-th failed attempt: doubling from the first, up to the maximum. */
    public Duration backOffAfter(int attempts) {
        Duration pause = firstBackOff;
        for (int i = 1; i < attempts && pause.compareTo(maxBackOff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackOff) > 0 ? maxBackOff : pause;
    }
}
