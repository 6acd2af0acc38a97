package bookstore.order.shipping.carrier;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sandbox carrier's own books (table {@code sandbox_carrier_step}): each shipment's planned
 * updates and which were pushed, so that a restart picks up where it left off.
 */
class SandboxSchedule {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    SandboxSchedule(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    /** Plans the shipment's updates, unless it was planned before. */
    Mono<Void> plan(String company, String trackingNumber, List<Step> steps) {
        return database.sql("""
                        INSERT INTO sandbox_carrier_step (company, tracking_number, step, state, context, place,
                            happens_at, due_at)
                        SELECT :company, :number, s.step, s.state, s.context, s.place, s.at, s.at
                          FROM unnest(CAST(:steps AS INT[]), CAST(:states AS TEXT[]), CAST(:contexts AS TEXT[]),
                                      CAST(:places AS TEXT[]), CAST(:ats AS TIMESTAMPTZ[]))
                               AS s (step, state, context, place, at)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("company", company)
                .bind("number", trackingNumber)
                .bind("steps", steps.stream().map(Step::step).toArray(Integer[]::new))
                .bind("states", steps.stream().map(Step::state).toArray(String[]::new))
                .bind("contexts", steps.stream().map(Step::context).toArray(String[]::new))
                .bind("places", steps.stream().map(Step::place).toArray(String[]::new))
                .bind("ats", steps.stream().map(step -> step.at().toString()).toArray(String[]::new))
                .then();
    }

    /**
     * Takes the updates due for a push, leasing them until {@code leaseUntil} so that no other
     * replica (or the next round) pushes them meanwhile.
     */
    Mono<List<Due>> takeDue(Instant now, Instant leaseUntil, int limit) {
        return transactions.transactional(database.sql("""
                        UPDATE sandbox_carrier_step SET due_at = :lease
                         WHERE (company, tracking_number, step) IN (
                               SELECT company, tracking_number, step FROM sandbox_carrier_step
                                WHERE pushed_at IS NULL AND due_at <= :now
                                ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING company, tracking_number, step
                        """)
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new Due(
                        row.get("company", String.class),
                        row.get("tracking_number", String.class),
                        row.get("step", Integer.class)))
                .all()
                .collectList());
    }

    /** The shipment's timeline up to and including {@code step}, newest first. */
    Mono<List<Step>> timeline(String company, String trackingNumber, int step) {
        return database.sql("""
                        SELECT step, state, context, place, happens_at FROM sandbox_carrier_step
                         WHERE company = :company AND tracking_number = :number AND step <= :step
                         ORDER BY step DESC
                        """)
                .bind("company", company)
                .bind("number", trackingNumber)
                .bind("step", step)
                .map(row -> new Step(
                        row.get("step", Integer.class),
                        row.get("state", String.class),
                        row.get("context", String.class),
                        row.get("place", String.class),
                        row.get("happens_at", Instant.class)))
                .all()
                .collectList();
    }

    Mono<Void> pushed(Due due, Instant at) {
        return database.sql("""
                        UPDATE sandbox_carrier_step SET pushed_at = :at
                         WHERE company = :company AND tracking_number = :number AND step = :step
                        """)
                .bind("at", at)
                .bind("company", due.company())
                .bind("number", due.trackingNumber())
                .bind("step", due.step())
                .then();
    }

    /**
     * One planned update.
     *
     * @param state Kuaidi100's state code of the update
     */
    record Step(int step, String state, String context, String place, Instant at) {

        /** The state's name, as Kuaidi100 writes it on a timeline entry. */
        String statusName() {
            return switch (state) {
                case "1" -> "揽收";
                case "5" -> "派件";
                case "3" -> "签收";
                default -> "在途";
            };
        }
    }

    /** An update due for a push. */
    record Due(String company, String trackingNumber, int step) {}
}
