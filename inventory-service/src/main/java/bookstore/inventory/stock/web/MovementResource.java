package bookstore.inventory.stock.web;

import bookstore.inventory.stock.application.RecordedMovement;
import java.time.Instant;

/**
 * One ledger entry: what changed and the level it left the book at.
 *
 * @param version the stock record's version after this movement
 */
record MovementResource(
        long id,
        String bookId,
        String kind,
        int onHandChange,
        int reservedChange,
        int onHand,
        int reserved,
        int available,
        long version,
        String orderId,
        String reason,
        String note,
        Instant occurredAt) {

    static MovementResource of(RecordedMovement recorded) {
        var movement = recorded.movement();
        return new MovementResource(
                recorded.id(),
                movement.bookId(),
                movement.kind().name(),
                movement.onHandChange(),
                movement.reservedChange(),
                recorded.after().onHand(),
                recorded.after().reserved(),
                recorded.after().available(),
                recorded.version(),
                movement.orderId(),
                movement.reason() == null ? null : movement.reason().name(),
                movement.note(),
                recorded.occurredAt());
    }
}
