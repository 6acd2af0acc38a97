package bookstore.notification.mail.application;

import bookstore.notification.mail.domain.MailKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import reactor.core.scheduler.Schedulers;

/**
 * {@code bookstore.notifications.sent{kind}} and {@code .failed{kind}} (mails that ended FAILED), counted by the
 * replica that recorded the outcome, and the {@code .pending} gauge: pending mails in the table, read when metrics
 * are scraped (at most once a second; on an event loop the previous reading).
 */
public final class MailMetrics {

    static final String SENT = "bookstore.notifications.sent";
    static final String FAILED = "bookstore.notifications.failed";
    static final String PENDING = "bookstore.notifications.pending";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final long FRESH_FOR_NANOS = Duration.ofSeconds(1).toNanos();

    private final MeterRegistry meters;
    private final Mails mails;
    private volatile double pending = Double.NaN;
    private volatile long readAt = System.nanoTime() - FRESH_FOR_NANOS;

    public MailMetrics(MeterRegistry meters, Mails mails) {
        this.meters = meters;
        this.mails = mails;
        Gauge.builder(PENDING, this, MailMetrics::pending)
                .description("Mails recorded and not sent yet (due, backing off or waiting for their recipient)")
                .register(meters);
    }

    void sent(MailKind kind) {
        counter(SENT, kind, "Mails the SMTP relay accepted").increment();
    }

    void failed(MailKind kind) {
        counter(FAILED, kind, "Mails given up on after their last failed attempt")
                .increment();
    }

    private Counter counter(String name, MailKind kind, String description) {
        return Counter.builder(name)
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .description(description)
                .register(meters);
    }

    private double pending() {
        if (System.nanoTime() - readAt < FRESH_FOR_NANOS || Schedulers.isInNonBlockingThread()) {
            return pending;
        }
        synchronized (this) {
            try {
                Long count = mails.pending().block(READ_TIMEOUT);
                pending = count == null ? Double.NaN : count;
            } catch (RuntimeException unreachable) {
                // No value rather than a stale one while the database does not answer.
                pending = Double.NaN;
            }
            readAt = System.nanoTime();
            return pending;
        }
    }
}
