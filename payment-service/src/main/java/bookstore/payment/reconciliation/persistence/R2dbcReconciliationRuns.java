package bookstore.payment.reconciliation.persistence;

import bookstore.payment.payments.domain.PaymentStatus;
import bookstore.payment.reconciliation.application.ReconciliationRun;
import bookstore.payment.reconciliation.application.ReconciliationRuns;
import bookstore.payment.reconciliation.application.Reconciling;
import bookstore.payment.reconciliation.application.SettledPayment;
import bookstore.payment.reconciliation.application.Trigger;
import bookstore.payment.reconciliation.domain.Mismatch;
import bookstore.payment.reconciliation.domain.MismatchKind;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs in {@code reconciliation_run}, their mismatches in {@code reconciliation_mismatch}; payments read from {@code payment}. */
@Repository
class R2dbcReconciliationRuns implements ReconciliationRuns {

    private final DatabaseClient database;

    R2dbcReconciliationRuns(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<ReconciliationRun> claim(ReconciliationRun run) {
        // Only scheduled runs fall under the unique index, so an admin's run is always stored.
        return database.sql("""
                        INSERT INTO reconciliation_run (id, day, provider, trigger, started_at)
                        VALUES (:id, :day, :provider, :trigger, :startedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", run.id())
                .bind("day", run.day())
                .bind("provider", run.provider())
                .bind("trigger", run.trigger().code())
                .bind("startedAt", run.startedAt())
                .fetch()
                .rowsUpdated()
                .filter(inserted -> inserted == 1)
                .map(inserted -> run);
    }

    @Override
    public Mono<Void> finish(ReconciliationRun run) {
        Mono<Void> counts = database.sql("""
                        UPDATE reconciliation_run
                           SET finished_at = :finishedAt, checked = :checked, mismatches = :mismatches,
                               could_not_check = :couldNotCheck
                         WHERE id = :id
                        """)
                .bind("id", run.id())
                .bind("finishedAt", run.finishedAt())
                .bind("checked", run.checked())
                .bind("mismatches", run.mismatches().size())
                .bind("couldNotCheck", run.couldNotCheck())
                .then();
        // Mismatches are few; one insert each.
        Flux<Void> mismatches = Flux.fromIterable(run.mismatches()).concatMap(mismatch -> database.sql("""
                        INSERT INTO reconciliation_mismatch
                            (run_id, payment_id, order_id, provider, ours, theirs, kind, found_at)
                        VALUES (:runId, :paymentId, :orderId, :provider, :ours, :theirs, :kind, :foundAt)
                        """)
                .bind("runId", run.id())
                .bind("paymentId", mismatch.paymentId())
                .bind("orderId", mismatch.orderId())
                .bind("provider", mismatch.provider())
                .bind("ours", mismatch.ours())
                .bind("theirs", mismatch.theirs())
                .bind("kind", mismatch.kind().code())
                .bind("foundAt", mismatch.foundAt())
                .then());
        return counts.thenMany(mismatches).then();
    }

    @Override
    public Flux<SettledPayment> settledPayments(Instant from, Instant to, String provider) {
        var select = database.sql("""
                        SELECT id, order_id, provider, status, provider_reference
                          FROM payment
                         WHERE created_at >= :from AND created_at < :to
                           AND status <> 'PROCESSING'
                           AND (provider_reference IS NOT NULL OR provider_calls > 0)
                           AND (CAST(:provider AS TEXT) IS NULL OR provider = :provider)
                         ORDER BY created_at, id
                        """).bind("from", from).bind("to", to);
        select = provider == null ? select.bindNull("provider", String.class) : select.bind("provider", provider);
        return select.map(row -> new SettledPayment(
                        row.get("id", UUID.class),
                        row.get("order_id", String.class),
                        row.get("provider", String.class),
                        PaymentStatus.valueOf(row.get("status", String.class)),
                        row.get("provider_reference", String.class)))
                .all();
    }

    @Override
    public Mono<List<ReconciliationRun>> ofDays(LocalDate from, LocalDate to) {
        return database.sql("""
                        SELECT id, day, provider, trigger, started_at, finished_at, checked, could_not_check
                          FROM reconciliation_run
                         WHERE day BETWEEN :from AND :to
                         ORDER BY day DESC, started_at DESC, id
                        """)
                .bind("from", from)
                .bind("to", to)
                .map(R2dbcReconciliationRuns::run)
                .all()
                .collectList()
                .flatMap(runs -> runs.isEmpty() ? Mono.just(runs) : withMismatches(runs));
    }

    @Override
    public Mono<Map<String, Long>> lastMismatches(Collection<String> providers) {
        return database.sql("""
                        SELECT p.name AS provider,
                               (SELECT count(*) FROM reconciliation_mismatch m
                                 WHERE m.run_id = r.id AND m.provider = p.name) AS mismatches
                          FROM unnest(CAST(:providers AS TEXT[])) AS p(name)
                          CROSS JOIN LATERAL (
                                SELECT id FROM reconciliation_run
                                 WHERE finished_at IS NOT NULL AND provider IN (:all, p.name)
                                 ORDER BY finished_at DESC LIMIT 1) AS r
                        """)
                .bind("providers", providers.toArray(String[]::new))
                .bind("all", Reconciling.ALL)
                .map(row -> Map.entry(row.get("provider", String.class), row.get("mismatches", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<List<ReconciliationRun>> withMismatches(List<ReconciliationRun> runs) {
        return database.sql("""
                        SELECT run_id, payment_id, order_id, provider, ours, theirs, kind, found_at
                          FROM reconciliation_mismatch
                         WHERE run_id = ANY(:runs)
                         ORDER BY found_at, id
                        """)
                .bind("runs", runs.stream().map(ReconciliationRun::id).toArray(UUID[]::new))
                .map(row -> Map.entry(
                        row.get("run_id", UUID.class),
                        new Mismatch(
                                row.get("payment_id", UUID.class),
                                row.get("order_id", String.class),
                                row.get("provider", String.class),
                                row.get("ours", String.class),
                                row.get("theirs", String.class),
                                MismatchKind.ofCode(row.get("kind", String.class)),
                                row.get("found_at", Instant.class))))
                .all()
                .collect(LinkedHashMap<UUID, List<Mismatch>>::new, (byRun, found) -> byRun.computeIfAbsent(
                                found.getKey(), run -> new ArrayList<>())
                        .add(found.getValue()))
                .map(byRun -> runs.stream()
                        .map(run -> new ReconciliationRun(
                                run.id(),
                                run.day(),
                                run.provider(),
                                run.trigger(),
                                run.startedAt(),
                                run.finishedAt(),
                                run.checked(),
                                run.couldNotCheck(),
                                byRun.getOrDefault(run.id(), List.of())))
                        .collect(Collectors.toList()));
    }

    private static ReconciliationRun run(Readable row) {
        return new ReconciliationRun(
                row.get("id", UUID.class),
                row.get("day", LocalDate.class),
                row.get("provider", String.class),
                Trigger.ofCode(row.get("trigger", String.class)),
                row.get("started_at", Instant.class),
                row.get("finished_at", Instant.class),
                row.get("checked", Integer.class),
                row.get("could_not_check", Integer.class),
                List.of());
    }
}
