package bookstore.payment.reconciliation.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where reconciliation runs and their mismatches are kept, and where the day's payments are found. */
public interface ReconciliationRuns {

    /**
     * Stores a new run. A scheduled run claims its day: if the day (for the same providers) was
     * claimed before, by this replica or another, nothing is stored and the answer is empty.
     */
    Mono<ReconciliationRun> claim(ReconciliationRun run);

    /** Saves a finished run's counts and mismatches; call it in a transaction. */
    Mono<Void> finish(ReconciliationRun run);

    /**
     * The payments created in {@code [from, to)} that reached their provider and have an outcome.
     *
     * @param provider only this provider's; null for all
     */
    Flux<SettledPayment> settledPayments(Instant from, Instant to, String provider);

    /** The runs of the days from {@code from} to {@code to}, both included, newest first, with their mismatches. */
    Mono<List<ReconciliationRun>> ofDays(LocalDate from, LocalDate to);

    /**
     * For each provider that a finished run covered, the mismatches the latest such run found with
     * its payments.
     */
    Mono<Map<String, Long>> lastMismatches(Collection<String> providers);
}
