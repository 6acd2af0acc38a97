package bookstore.inventory.stock.web;

import bookstore.inventory.stock.application.RecordedMovement;
import java.time.Instant;

/**
 * One ledger entry: what changed and the level it left the book at.
 *
 * @param version the stock record's version after this movement
 * @param orderId the order of a reservation, release, sale or return
 * @param returnId the customer's return a RETURN or DAMAGED movement took in; null otherwise
 * @param writtenOff copies of a return written off as damaged (DAMAGED only; 0 otherwise)
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
        String returnId,
        int writtenOff,
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
                movement.returnId(),
                movement.writtenOff(),
                movement.reason() == null ? null : movement.reason().name(),
                movement.note(),
                recorded.occurredAt());
    }
}
