package bookstore.payment.reconciliation.application;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.application.PaymentProviders;
import bookstore.payment.reconciliation.domain.Mismatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The reconciliation as metrics: mismatches as they are found, runs by how they ended, and the
 * mismatches of the latest finished run per provider. The last is read from the database by every
 * replica ({@link ReconciliationSchedule}), not only by the one that made the run, so all replicas
 * report the same value.
 */
@Component
class ReconciliationMetrics {

    static final String MISMATCHES = "bookstore.payments.reconciliation.mismatches";
    static final String LAST_MISMATCHES = "bookstore.payments.reconciliation.last.mismatches";
    static final String RUNS = "bookstore.payments.reconciliation.runs";

    private final MeterRegistry meters;
    private final Map<String, Double> lastMismatches = new ConcurrentHashMap<>();

    ReconciliationMetrics(MeterRegistry meters, PaymentProviders providers) {
        this.meters = meters;
        for (PaymentProvider provider : providers.all()) {
            String name = provider.name();
            // No value until the database has been read: an unknown count is not zero.
            Gauge.builder(LAST_MISMATCHES, lastMismatches, known -> known.getOrDefault(name, Double.NaN))
                    .description("Mismatches the latest finished reconciliation run found with the provider's payments")
                    .tag("provider", name)
                    .register(meters);
        }
    }

    void found(Mismatch mismatch) {
        Counter.builder(MISMATCHES)
                .description("Payments on which we and the provider disagree, counted by each run that finds them")
                .tag("provider", mismatch.provider())
                .tag("kind", mismatch.kind().code())
                .register(meters)
                .increment();
    }

    void finished(ReconciliationRun run) {
        String outcome = !run.mismatches().isEmpty() ? "mismatches" : run.couldNotCheck() > 0 ? "incomplete" : "clean";
        ran(outcome);
    }

    void failed() {
        ran("failed");
    }

    void lastRuns(Map<String, Long> mismatchesByProvider) {
        mismatchesByProvider.forEach((provider, count) -> lastMismatches.put(provider, count.doubleValue()));
    }

    private void ran(String outcome) {
        Counter.builder(RUNS)
                .description(
                        "Reconciliation runs by how they ended: clean, mismatches, incomplete (some payments could not be checked) or failed")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
