package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockRecord;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only history of every stock movement, with the level each one left behind. */
public interface MovementLedger {

    Mono<RecordedMovement> append(Movement movement, StockRecord after, Instant occurredAt);

    /** A book's movements, newest first. */
    Flux<RecordedMovement> of(String bookId, long offset, int limit);

    Mono<Long> countOf(String bookId);

    Mono<RecordedMovement> find(String bookId, long movementId);
}
