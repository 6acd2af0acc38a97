package bookstore.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Schedulers;

/**
 * The events waiting in the outbox and how long the oldest has waited, read when metrics are scraped:
 * one statement per scrape at most (both gauges share it, and scrapes closer than {@code freshFor} share
 * its answer), never on the path of a request or the relay. Every replica reports the same table, so a
 * dashboard takes the maximum over a service's pods.
 */
final class OutboxBacklog implements MeterBinder {

    static final String BACKLOG = "bookstore.outbox.backlog";
    static final String OLDEST_AGE = "bookstore.outbox.oldest.age";

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient database;
    private final long freshForNanos;

    private volatile Reading last;

    OutboxBacklog(DatabaseClient database, Duration freshFor) {
        this.database = database;
        this.freshForNanos = freshFor.toNanos();
        // Stale from the start, so the first scrape reads the table.
        this.last = new Reading(Double.NaN, Double.NaN, System.nanoTime() - freshForNanos);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BACKLOG, this, backlog -> backlog.reading().events())
                .description("Events committed to the outbox and not yet published to Kafka")
                .register(registry);
        TimeGauge.builder(OLDEST_AGE, this, TimeUnit.SECONDS, backlog -> backlog.reading()
                        .oldestAgeSeconds())
                .description("How long the oldest event in the outbox has waited to be published (0 when none waits)")
                .register(registry);
    }

    private Reading reading() {
        Reading reading = last;
        // A scrape served on an event loop must not block it; it shows the previous reading.
        if (System.nanoTime() - reading.readAt() < freshForNanos || Schedulers.isInNonBlockingThread()) {
            return reading;
        }
        synchronized (this) {
            if (System.nanoTime() - last.readAt() >= freshForNanos) {
                last = read();
            }
            return last;
        }
    }

    private Reading read() {
        try {
            Reading reading = database.sql("""
                            SELECT count(*) AS events,
                                   coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_age
                              FROM outbox_event
                            """)
                    .map(row -> new Reading(
                            row.get("events", Long.class), row.get("oldest_age", Double.class), System.nanoTime()))
                    .one()
                    .block(TIMEOUT);
            return reading == null ? new Reading(Double.NaN, Double.NaN, System.nanoTime()) : reading;
        } catch (RuntimeException unreachable) {
            // No value rather than a stale one while the database does not answer; tried again next scrape.
            return new Reading(Double.NaN, Double.NaN, System.nanoTime());
        }
    }

    private record Reading(double events, double oldestAgeSeconds, long readAt) {}
}
