package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.AppliedMovement;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only history of every stock movement, with the level each one left behind. */
public interface MovementLedger {

    /** Appends applied movements, in their order; emits them as recorded, in the same order. */
    Flux<RecordedMovement> append(List<AppliedMovement> movements, Instant occurredAt);

    /** A book's movements, newest first. */
    Flux<RecordedMovement> of(String bookId, long offset, int limit);

    Mono<Long> countOf(String bookId);

    Mono<RecordedMovement> find(String bookId, long movementId);
}
