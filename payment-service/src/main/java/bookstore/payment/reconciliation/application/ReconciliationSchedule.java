package bookstore.payment.reconciliation.application;

import bookstore.platform.work.PollingWorker;
import bookstore.platform.work.Schedule;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Starts each day's reconciliation, for the day before, once the shop's clock has passed the
 * configured time; every replica looks once a minute and the first to claim the day runs it. A
 * replica that was down at that time runs the day when it comes back, as long as no other has.
 * Each look also reads the latest runs' mismatches into the metrics, so every replica reports them.
 */
@Component
class ReconciliationSchedule extends PollingWorker {

    private static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    private final Reconciling reconciling;
    private final ReconciliationProperties settings;
    private final Clock clock;

    /** The last day this replica saw reconciled (by itself or another), so it stops claiming it. */
    private volatile LocalDate handled;

    ReconciliationSchedule(Reconciling reconciling, ReconciliationProperties settings, Clock clock) {
        super("payment-reconciliation", Schedule.every(LOOK_EVERY).backingOffUpTo(Duration.ofMinutes(15)));
        this.reconciling = reconciling;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    protected boolean runOnce() {
        LocalDate due = dueDay();
        if (!due.equals(handled)) {
            reconciling.scheduled(due).block();
            handled = due;
        }
        reconciling.refreshLastRunMetrics().block();
        return false;
    }

    /** The latest day whose run is due: yesterday once today's time has come, the day before until then. */
    LocalDate dueDay() {
        ZonedDateTime now = clock.instant().atZone(settings.zone());
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        return now.toLocalTime().isBefore(settings.at()) ? yesterday.minusDays(1) : yesterday;
    }
}
