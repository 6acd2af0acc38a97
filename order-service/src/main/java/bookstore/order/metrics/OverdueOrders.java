package bookstore.order.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders the saga should have ended and has not: still waiting for stock or payment (PENDING,
 * AWAITING_PAYMENT) past their deadline, the step's timeout. The timeout scan cancels such an order
 * within a scan interval, so an order that stays overdue means nothing ends it (the scan, or the
 * database it works on, is stuck): the alert OrdersStuck. Counted from the database (the partial index
 * on the deadline of orders in the saga) every {@code interval} by every replica, off the scrape's path;
 * all replicas read the same table, so dashboards take the maximum. No value until the first reading,
 * and none while the database does not answer.
 */
@Component
class OverdueOrders implements MeterBinder, SmartLifecycle {

    static final String OVERDUE = "bookstore.orders.overdue";
    static final String OLDEST = "bookstore.orders.overdue.oldest";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Reading UNKNOWN = new Reading(Double.NaN, Double.NaN);

    private final DatabaseClient database;
    private final Clock clock;
    private final Duration interval;
    private volatile Reading last = UNKNOWN;
    private volatile Disposable reading;

    OverdueOrders(
            DatabaseClient database,
            Clock clock,
            @Value("${bookstore.orders.metrics.overdue-interval:15s}") Duration interval) {
        this.database = database;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(OVERDUE, this, overdue -> overdue.last.orders())
                .description("Orders still waiting for stock or payment past their deadline")
                .register(registry);
        TimeGauge.builder(OLDEST, this, TimeUnit.SECONDS, overdue -> overdue.last.oldestSeconds())
                .description("How long past its deadline the most overdue order in the saga is (0 when none is)")
                .register(registry);
    }

    @Override
    public void start() {
        reading = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> read(), 1)
                .subscribe(next -> last = next);
    }

    @Override
    public void stop() {
        Disposable current = reading;
        if (current != null) {
            current.dispose();
        }
        reading = null;
    }

    @Override
    public boolean isRunning() {
        return reading != null && !reading.isDisposed();
    }

    private Mono<Reading> read() {
        Instant now = clock.instant();
        return database.sql("""
                        SELECT count(*) AS overdue,
                               coalesce(extract(epoch FROM CAST(:now AS timestamptz) - min(deadline)), 0)::float8
                                   AS oldest
                          FROM customer_order
                         WHERE status IN ('PENDING', 'AWAITING_PAYMENT') AND deadline < :cutoff
                        """)
                .bind("now", now)
                .bind("cutoff", now)
                .map(row -> new Reading(row.get("overdue", Long.class), row.get("oldest", Double.class)))
                .one()
                .timeout(TIMEOUT)
                // No value rather than a stale one while the database does not answer; read again next time.
                .onErrorReturn(UNKNOWN);
    }

    private record Reading(double orders, double oldestSeconds) {}
}
