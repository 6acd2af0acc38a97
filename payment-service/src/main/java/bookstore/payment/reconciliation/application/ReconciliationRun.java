package bookstore.payment.reconciliation.application;

import bookstore.payment.reconciliation.domain.Mismatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One reconciliation of a day's payments with their providers.
 *
 * @param provider the provider whose payments were checked, or {@link Reconciling#ALL}
 * @param finishedAt null while the run is under way (or if it never finished)
 * @param checked payments the provider answered about
 * @param couldNotCheck payments whose provider did not answer in time or failed
 */
public record ReconciliationRun(
        UUID id,
        LocalDate day,
        String provider,
        Trigger trigger,
        Instant startedAt,
        Instant finishedAt,
        int checked,
        int couldNotCheck,
        List<Mismatch> mismatches) {

    public ReconciliationRun {
        mismatches = List.copyOf(mismatches);
    }

    /** A run claimed and not yet under way. */
    static ReconciliationRun claimed(UUID id, LocalDate day, String provider, Trigger trigger, Instant startedAt) {
        return new ReconciliationRun(id, day, provider, trigger, startedAt, null, 0, 0, List.of());
    }

    ReconciliationRun finished(Instant at, int checked, int couldNotCheck, List<Mismatch> mismatches) {
        return new ReconciliationRun(id, day, provider, trigger, startedAt, at, checked, couldNotCheck, mismatches);
    }
}
