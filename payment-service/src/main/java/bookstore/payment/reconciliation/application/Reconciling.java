package bookstore.payment.reconciliation.application;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.application.PaymentProviders;
import bookstore.payment.payments.application.ProviderEvent;
import bookstore.payment.payments.application.RecordingProviderEvents;
import bookstore.payment.payments.domain.ProviderAnswer;
import bookstore.payment.payments.domain.ProviderCall;
import bookstore.payment.reconciliation.domain.Comparison;
import bookstore.payment.reconciliation.domain.Mismatch;
import bookstore.payment.reconciliation.domain.MismatchKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Reconciles a day's payments with their providers: every payment created that day (on the shop's
 * calendar) that reached its provider and has an outcome is asked about with the provider's status
 * check, a few at a time, and our status is held against the answer ({@link Comparison}). A call
 * that fails or does not answer in time is counted as "could not check", never as a mismatch.
 *
 * <p>A capture the provider made of a payment we failed or cancelled is recorded the way a webhook
 * saying so would be ({@link RecordingProviderEvents}): a cancelled payment then takes the capture
 * and gives the money back at once, and the saga hears of both.
 */
@Service
public class Reconciling {

    /** The provider of a run that covers every provider. */
    public static final String ALL = "all";

    /** The event type under which a capture found by the reconciliation is recorded. */
    static final String CAPTURE_FOUND = "reconciliation.captured";

    private static final Logger log = LoggerFactory.getLogger(Reconciling.class);

    private final ReconciliationRuns runs;
    private final PaymentProviders providers;
    private final RecordingProviderEvents recording;
    private final ReconciliationMetrics metrics;
    private final TransactionalOperator transactions;
    private final ReconciliationProperties settings;
    private final Clock clock;

    Reconciling(
            ReconciliationRuns runs,
            PaymentProviders providers,
            RecordingProviderEvents recording,
            ReconciliationMetrics metrics,
            TransactionalOperator transactions,
            ReconciliationProperties settings,
            Clock clock) {
        this.runs = runs;
        this.providers = providers;
        this.recording = recording;
        this.metrics = metrics;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The scheduled run of a day across all providers, made by whichever replica claims the day
     * first; empty if the day was claimed before.
     */
    public Mono<ReconciliationRun> scheduled(LocalDate day) {
        return start(day, ALL, Trigger.SCHEDULED);
    }

    /**
     * An admin's run of a day, made now whether or not the day was reconciled before.
     *
     * @param provider one provider's payments only; null or {@link #ALL} for every provider's
     * @throws InvalidRunException for a day still to come or a provider not configured
     */
    public Mono<ReconciliationRun> now(LocalDate day, String provider) {
        if (day.isAfter(today())) {
            throw new InvalidRunException("The day " + day + " has not come yet on the shop's calendar.");
        }
        String covered = provider == null ? ALL : provider;
        if (!ALL.equals(covered) && !isConfigured(covered)) {
            throw new InvalidRunException("No payment provider here is named so.");
        }
        return start(day, covered, Trigger.ADMIN);
    }

    /** The shop's date today. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    private boolean isConfigured(String provider) {
        return providers.all().stream().map(PaymentProvider::name).anyMatch(provider::equals);
    }

    /** The runs of the days from {@code from} to {@code to}, both included, newest first. */
    public Mono<List<ReconciliationRun>> ofDays(LocalDate from, LocalDate to) {
        return runs.ofDays(from, to);
    }

    /** Reads the latest finished runs' mismatches per provider into the metrics. */
    Mono<Void> refreshLastRunMetrics() {
        return runs.lastMismatches(
                        providers.all().stream().map(PaymentProvider::name).toList())
                .doOnNext(metrics::lastRuns)
                .then();
    }

    private Mono<ReconciliationRun> start(LocalDate day, String provider, Trigger trigger) {
        return Mono.defer(() -> runs.claim(
                        ReconciliationRun.claimed(UUID.randomUUID(), day, provider, trigger, clock.instant())))
                .flatMap(claimed -> reconcile(claimed).doOnError(failure -> {
                    log.error("The reconciliation of {} ({}) failed", day, provider, failure);
                    metrics.failed();
                }));
    }

    private Mono<ReconciliationRun> reconcile(ReconciliationRun run) {
        Instant from = run.day().atStartOfDay(settings.zone()).toInstant();
        Instant to = run.day().plusDays(1).atStartOfDay(settings.zone()).toInstant();
        return runs.settledPayments(from, to, ALL.equals(run.provider()) ? null : run.provider())
                .flatMap(this::check, settings.concurrency())
                .collect(Tally::new, Tally::add)
                .flatMap(tally -> {
                    ReconciliationRun finished =
                            run.finished(clock.instant(), tally.checked, tally.couldNotCheck, tally.mismatches);
                    return transactions.transactional(runs.finish(finished)).thenReturn(finished);
                })
                .doOnNext(finished -> {
                    finished.mismatches().forEach(metrics::found);
                    metrics.finished(finished);
                    log.info(
                            "Reconciled {} ({}): {} checked, {} mismatches, {} could not be checked",
                            finished.day(),
                            finished.provider(),
                            finished.checked(),
                            finished.mismatches().size(),
                            finished.couldNotCheck());
                });
    }

    /** Asks the provider about one payment and compares; never fails. */
    private Mono<Checked> check(SettledPayment payment) {
        return Mono.defer(() -> providers
                        .named(payment.provider())
                        .checkStatus(new ProviderCall.CheckStatus(payment.id(), payment.reference())))
                .timeout(settings.callTimeout())
                .map(Optional::of)
                .onErrorResume(failure -> {
                    log.warn(
                            "Could not check payment {} with {} for the reconciliation",
                            payment.id(),
                            payment.provider(),
                            failure);
                    return Mono.just(Optional.empty());
                })
                .defaultIfEmpty(Optional.empty())
                .flatMap(answer -> answer.map(theirs -> compare(payment, theirs))
                        .orElseGet(() -> Mono.just(Checked.COULD_NOT_CHECK)));
    }

    private Mono<Checked> compare(SettledPayment payment, ProviderAnswer theirs) {
        Optional<MismatchKind> kind = Comparison.of(payment.status(), theirs);
        if (kind.isEmpty()) {
            return Mono.just(Checked.AGREED);
        }
        var mismatch = new Mismatch(
                payment.id(),
                payment.orderId(),
                payment.provider(),
                Comparison.describe(payment.status()),
                Comparison.describe(theirs),
                kind.get(),
                clock.instant());
        log.warn("Reconciliation mismatch: {}", mismatch);
        if (kind.get() != MismatchKind.CAPTURED_NOT_RECORDED) {
            return Mono.just(new Checked(mismatch));
        }
        return recordCapture(payment, theirs).thenReturn(new Checked(mismatch));
    }

    /**
     * Records the capture as a webhook saying so would be, once per payment: a cancelled payment
     * takes it and gives the money back. Should that fail, the mismatch is still reported and the
     * next run finds it again.
     */
    private Mono<Void> recordCapture(SettledPayment payment, ProviderAnswer captured) {
        var event = new ProviderEvent(
                payment.provider(),
                "reconciliation-" + payment.id() + "-captured",
                CAPTURE_FOUND,
                payment.id(),
                captured);
        return recording
                .record(event)
                .doOnNext(outcome ->
                        log.info("Capture of payment {} found by the reconciliation: {}", payment.id(), outcome))
                .onErrorResume(failure -> {
                    log.error(
                            "Could not record the capture of payment {} the reconciliation found",
                            payment.id(),
                            failure);
                    return Mono.empty();
                })
                .then();
    }

    /** What came of one payment's check. */
    private record Checked(boolean answered, Mismatch mismatch) {

        static final Checked AGREED = new Checked(true, null);
        static final Checked COULD_NOT_CHECK = new Checked(false, null);

        Checked(Mismatch mismatch) {
            this(true, mismatch);
        }
    }

    /** The run's counts as the checks come in, on one thread at a time (Reactor's collect). */
    private static final class Tally {

        private final List<Mismatch> mismatches = new ArrayList<>();
        private int checked;
        private int couldNotCheck;

        void add(Checked checked) {
            if (!checked.answered()) {
                couldNotCheck++;
                return;
            }
            this.checked++;
            if (checked.mismatch() != null) {
                mismatches.add(checked.mismatch());
            }
        }
    }
}
