package bookstore.payment.reconciliation.application;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily reconciliation of payments with their providers.
 *
 * @param enabled whether this service runs the day's reconciliation by itself (admins can always run a day)
 * @param at the local time each day's run starts, for the day before
 * @param zone the shop's calendar: which payments belong to a day, and when {@code at} is
 * @param concurrency how many providers' answers are awaited at once
 * @param callTimeout how long one answer may take before the payment counts as "could not check"
 */
@ConfigurationProperties("bookstore.payment.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("03:00") LocalTime at,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("4") int concurrency,
        @DefaultValue("20s") Duration callTimeout) {

    public ReconciliationProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("the reconciliation needs a concurrency of at least 1");
        }
        if (!callTimeout.isPositive()) {
            throw new IllegalArgumentException("the reconciliation's call timeout must be positive");
        }
    }
}
