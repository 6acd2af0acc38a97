package bookstore.payment.reconciliation.web;

import bookstore.payment.reconciliation.application.InvalidRunException;
import bookstore.payment.reconciliation.application.ReconciliationRun;
import bookstore.payment.reconciliation.application.Reconciling;
import bookstore.payment.reconciliation.domain.Mismatch;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The reconciliation's runs for admins ({@link ReconciliationSecurity}): those of a period of days,
 * newest first with their mismatches, and a day run again now.
 */
@RestController
@RequestMapping("/api/payments/reconciliation")
@Tag(name = "reconciliation", description = "The daily comparison with the providers' records (admins)")
class ReconciliationController {

    /** The longest period one listing covers: about a quarter. */
    static final int MAX_DAYS = 93;

    /** The period listed when none is given: the last 31 days, today included. */
    private static final int DEFAULT_DAYS = 31;

    private final Reconciling reconciling;

    ReconciliationController(Reconciling reconciling) {
        this.reconciling = reconciling;
    }

    @GetMapping
    Mono<RunsView> runs(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate last = to != null ? to : reconciling.today();
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidPeriodException("from (" + first + ") is after to (" + last + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidPeriodException("A listing covers at most " + MAX_DAYS + " days.");
        }
        return reconciling
                .ofDays(first, last)
                .map(found -> new RunsView(
                        first, last, found.stream().map(RunView::of).toList()));
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED) // what the API description says; the answer's own status is the same
    Mono<ResponseEntity<RunView>> run(@Valid @RequestBody RunRequest request) {
        // Started on its own: a caller who gives up waiting (the gateway's response timeout on a busy day)
        // does not cancel the run half-way; it finishes and is listed.
        var run = reconciling.now(request.day(), request.provider()).toFuture();
        return Mono.fromFuture(run, true).map(finished -> ResponseEntity.created(
                        URI.create("/api/payments/reconciliation?from=" + finished.day() + "&to=" + finished.day()))
                .body(RunView.of(finished)));
    }

    @ExceptionHandler(InvalidPeriodException.class)
    ProblemDetail onInvalidPeriod(InvalidPeriodException invalid) {
        return Problems.of(
                HttpStatus.BAD_REQUEST, "invalid-reconciliation-period", "Invalid period", invalid.getMessage());
    }

    @ExceptionHandler(InvalidRunException.class)
    ProblemDetail onInvalidRun(InvalidRunException invalid) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-reconciliation-run",
                "Invalid reconciliation run",
                invalid.getMessage());
    }

    /**
     * @param day the day on the shop's calendar whose payments to check
     * @param provider one provider's payments only; absent for all
     */
    record RunRequest(
            @NotNull LocalDate day, @Size(min = 1, max = 64) String provider) {}

    record RunsView(LocalDate from, LocalDate to, List<RunView> items) {}

    record RunView(
            UUID id,
            LocalDate day,
            String provider,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            int checked,
            int couldNotCheck,
            List<MismatchView> mismatches) {

        static RunView of(ReconciliationRun run) {
            return new RunView(
                    run.id(),
                    run.day(),
                    run.provider(),
                    run.trigger().code(),
                    run.startedAt(),
                    run.finishedAt(),
                    run.checked(),
                    run.couldNotCheck(),
                    run.mismatches().stream().map(MismatchView::of).toList());
        }
    }

    record MismatchView(
            UUID paymentId, String orderId, String provider, String ours, String theirs, String kind, Instant foundAt) {

        static MismatchView of(Mismatch mismatch) {
            return new MismatchView(
                    mismatch.paymentId(),
                    mismatch.orderId(),
                    mismatch.provider(),
                    mismatch.ours(),
                    mismatch.theirs(),
                    mismatch.kind().code(),
                    mismatch.foundAt());
        }
    }

    private static final class InvalidPeriodException extends RuntimeException {
        InvalidPeriodException(String message) {
            super(message);
        }
    }
}
