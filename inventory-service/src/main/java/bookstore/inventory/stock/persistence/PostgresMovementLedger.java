package bookstore.inventory.stock.persistence;

import bookstore.inventory.stock.application.MovementLedger;
import bookstore.inventory.stock.application.RecordedMovement;
import bookstore.inventory.stock.domain.AdjustmentReason;
import bookstore.inventory.stock.domain.AppliedMovement;
import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.MovementKind;
import bookstore.inventory.stock.domain.StockLevel;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PostgresMovementLedger implements MovementLedger {

    private static final String COLUMNS = """
            id, book_id, kind, on_hand_change, reserved_change, on_hand_after, reserved_after, stock_version,
            order_id, return_id, written_off, reason, note, occurred_at""";

    private final DatabaseClient database;

    PostgresMovementLedger(DatabaseClient database) {
        this.database = database;
    }

    /**
     * One statement for all the movements, in their order. Each entry carries its book's version and
     * level after it, so UNIQUE (book_id, stock_version) refuses two entries for one change.
     */
    @Override
    public Flux<RecordedMovement> append(List<AppliedMovement> movements, Instant occurredAt) {
        if (movements.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        INSERT INTO stock_movement (book_id, kind, on_hand_change, reserved_change, on_hand_after,
                                                    reserved_after, stock_version, order_id, return_id, written_off,
                                                    reason, note, occurred_at)
                        SELECT book_id, kind, on_hand_change, reserved_change, on_hand_after,
                               reserved_after, stock_version, order_id, return_id, written_off,
                               reason, note, CAST(:occurredAt AS TIMESTAMPTZ)
                          FROM unnest(CAST(:bookIds AS TEXT[]), CAST(:kinds AS TEXT[]),
                                      CAST(:onHandChanges AS INTEGER[]), CAST(:reservedChanges AS INTEGER[]),
                                      CAST(:onHandAfter AS INTEGER[]), CAST(:reservedAfter AS INTEGER[]),
                                      CAST(:versions AS BIGINT[]), CAST(:orderIds AS TEXT[]),
                                      CAST(:returnIds AS TEXT[]), CAST(:writtenOff AS INTEGER[]),
                                      CAST(:reasons AS TEXT[]), CAST(:notes AS TEXT[]))
                               WITH ORDINALITY AS movement (book_id, kind, on_hand_change, reserved_change,
                                                            on_hand_after, reserved_after, stock_version,
                                                            order_id, return_id, written_off, reason, note,
                                                            position)
                         ORDER BY position
                        RETURNING id, book_id, stock_version
                        """)
                .bind("bookIds", each(movements, applied -> applied.movement().bookId()))
                .bind(
                        "kinds",
                        each(movements, applied -> applied.movement().kind().name()))
                .bind(
                        "onHandChanges",
                        movements.stream()
                                .map(applied -> applied.movement().onHandChange())
                                .toArray(Integer[]::new))
                .bind(
                        "reservedChanges",
                        movements.stream()
                                .map(applied -> applied.movement().reservedChange())
                                .toArray(Integer[]::new))
                .bind(
                        "onHandAfter",
                        movements.stream()
                                .map(applied -> applied.after().onHand())
                                .toArray(Integer[]::new))
                .bind(
                        "reservedAfter",
                        movements.stream()
                                .map(applied -> applied.after().reserved())
                                .toArray(Integer[]::new))
                .bind(
                        "versions",
                        movements.stream().map(AppliedMovement::version).toArray(Long[]::new))
                .bind("orderIds", each(movements, applied -> applied.movement().orderId()))
                .bind("returnIds", each(movements, applied -> applied.movement().returnId()))
                .bind(
                        "writtenOff",
                        movements.stream()
                                .map(applied -> applied.movement().writtenOff())
                                .toArray(Integer[]::new))
                .bind("reasons", each(movements, applied -> {
                    AdjustmentReason reason = applied.movement().reason();
                    return reason == null ? null : reason.name();
                }))
                .bind("notes", each(movements, applied -> applied.movement().note()))
                .bind("occurredAt", occurredAt)
                .map(row -> Map.entry(
                        new Version(row.get("book_id", String.class), row.get("stock_version", Long.class)),
                        row.get("id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMapIterable(ids -> movements.stream()
                        .map(applied -> new RecordedMovement(
                                ids.get(new Version(applied.movement().bookId(), applied.version())),
                                applied.movement(),
                                applied.after(),
                                applied.version(),
                                occurredAt))
                        .toList());
    }

    @Override
    public Flux<RecordedMovement> of(String bookId, long offset, int limit) {
        return database.sql("SELECT " + COLUMNS + """
                         FROM stock_movement
                        WHERE book_id = :bookId
                        ORDER BY stock_version DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .bind("bookId", bookId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(PostgresMovementLedger::recorded)
                .all();
    }

    @Override
    public Mono<Long> countOf(String bookId) {
        return database.sql("SELECT count(*) FROM stock_movement WHERE book_id = :bookId")
                .bind("bookId", bookId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Mono<RecordedMovement> find(String bookId, long movementId) {
        return database.sql("SELECT " + COLUMNS + " FROM stock_movement WHERE id = :id AND book_id = :bookId")
                .bind("id", movementId)
                .bind("bookId", bookId)
                .map(PostgresMovementLedger::recorded)
                .one();
    }

    private static String[] each(List<AppliedMovement> movements, Function<AppliedMovement, String> column) {
        return movements.stream().map(column).toArray(String[]::new);
    }

    /** A book's record version: the key of its ledger entries. */
    private record Version(String bookId, long version) {}

    private static RecordedMovement recorded(Readable row) {
        String reason = row.get("reason", String.class);
        Movement movement = new Movement(
                row.get("book_id", String.class),
                MovementKind.valueOf(row.get("kind", String.class)),
                row.get("on_hand_change", Integer.class),
                row.get("reserved_change", Integer.class),
                row.get("order_id", String.class),
                row.get("return_id", String.class),
                row.get("written_off", Integer.class),
                reason == null ? null : AdjustmentReason.valueOf(reason),
                row.get("note", String.class));
        return new RecordedMovement(
                row.get("id", Long.class),
                movement,
                new StockLevel(row.get("on_hand_after", Integer.class), row.get("reserved_after", Integer.class)),
                row.get("stock_version", Long.class),
                row.get("occurred_at", Instant.class));
    }
}
