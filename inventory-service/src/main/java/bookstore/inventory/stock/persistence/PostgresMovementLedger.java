package bookstore.inventory.stock.persistence;

import bookstore.inventory.stock.application.MovementLedger;
import bookstore.inventory.stock.application.RecordedMovement;
import bookstore.inventory.stock.domain.AdjustmentReason;
import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.MovementKind;
import bookstore.inventory.stock.domain.StockLevel;
import bookstore.inventory.stock.domain.StockRecord;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class PostgresMovementLedger implements MovementLedger {

    private static final String COLUMNS = """
            id, book_id, kind, on_hand_change, reserved_change, on_hand_after, reserved_after, stock_version,
            order_id, reason, note, occurred_at""";

    private final DatabaseClient database;

    PostgresMovementLedger(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<RecordedMovement> append(Movement movement, StockRecord after, Instant occurredAt) {
        GenericExecuteSpec insert = database.sql("""
                        INSERT INTO stock_movement (book_id, kind, on_hand_change, reserved_change, on_hand_after,
                                                    reserved_after, stock_version, order_id, reason, note, occurred_at)
                        VALUES (:bookId, :kind, :onHandChange, :reservedChange, :onHandAfter,
                                :reservedAfter, :version, :orderId, :reason, :note, :occurredAt)
                        RETURNING id
                        """)
                .bind("bookId", movement.bookId())
                .bind("kind", movement.kind().name())
                .bind("onHandChange", movement.onHandChange())
                .bind("reservedChange", movement.reservedChange())
                .bind("onHandAfter", after.level().onHand())
                .bind("reservedAfter", after.level().reserved())
                .bind("version", after.version())
                .bind("occurredAt", occurredAt);
        insert = bindNullable(insert, "orderId", movement.orderId());
        insert = bindNullable(
                insert,
                "reason",
                movement.reason() == null ? null : movement.reason().name());
        insert = bindNullable(insert, "note", movement.note());
        return insert.map(row -> row.get("id", Long.class))
                .one()
                .map(id -> new RecordedMovement(id, movement, after.level(), after.version(), occurredAt));
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

    private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static RecordedMovement recorded(Readable row) {
        String reason = row.get("reason", String.class);
        Movement movement = new Movement(
                row.get("book_id", String.class),
                MovementKind.valueOf(row.get("kind", String.class)),
                row.get("on_hand_change", Integer.class),
                row.get("reserved_change", Integer.class),
                row.get("order_id", String.class),
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
