package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.InsufficientStockException;
import bookstore.inventory.stock.domain.LowStockThreshold;
import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockChanges;
import bookstore.inventory.stock.domain.StockLevel;
import bookstore.inventory.stock.domain.StockRecord;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way stock changes: the records of the books concerned are read and locked, the movements
 * applied to them in memory ({@link StockChanges}, which keeps the no-oversell rule), and the outcome
 * written with a statement per table: the new levels, a ledger entry per movement, one stock level
 * per book, plus a low-stock alert for a book the movements took to or below its threshold. A batch
 * of saga commands moves many books at once this way; an admin's receipt moves one.
 *
 * <p>It joins the caller's transaction, which decides what else commits with the movements.
 */
@Service
public class StockLedger {

    private final StockRecords records;
    private final MovementLedger ledger;
    private final StockEvents events;
    private final LowStockThreshold defaultThreshold;
    private final Clock clock;

    StockLedger(
            StockRecords records, MovementLedger ledger, StockEvents events, StockProperties properties, Clock clock) {
        this.records = records;
        this.ledger = ledger;
        this.events = events;
        this.defaultThreshold = properties.defaultThreshold();
        this.clock = clock;
    }

    /**
     * Reads and locks the records of these books (those inventory knows), in book id order, so that
     * movements can be applied to them in memory and then {@linkplain #record recorded}.
     */
    public Mono<StockChanges> lock(Collection<String> bookIds) {
        return records.lockAll(bookIds).collectList().map(StockChanges::new);
    }

    /**
     * As {@link #lock}, after opening an empty record (with the default threshold) for each book of
     * {@code opening} that has none: copies that physically arrived for a book inventory never
     * stocked are counted on a record of their own rather than refused.
     */
    public Mono<StockChanges> lock(Collection<String> bookIds, Collection<String> opening) {
        return records.openAll(opening, defaultThreshold).then(lock(bookIds));
    }

    /**
     * Writes what the changes did: the books' levels and versions, the ledger entries, and one
     * StockLevelChanged per book with the level all its movements left. The level a batch leaves
     * belongs to no single record of it, so these events carry the transaction's trace, not a
     * command's. Emits the ledger entries in the order the movements were applied.
     */
    public Mono<List<RecordedMovement>> record(StockChanges changes) {
        if (changes.movements().isEmpty()) {
            return Mono.just(List.of());
        }
        return records.update(changes.changed())
                .thenMany(ledger.append(changes.movements(), clock.instant()))
                .collectList()
                .flatMap(recorded -> announce(changes).thenReturn(recorded));
    }

    /**
     * Posts one movement. Fails with {@link InsufficientStockException} when it would leave fewer than
     * zero copies available and with {@link StockNotFoundException} for a book inventory does not
     * know; nothing is written then.
     */
    public Mono<RecordedMovement> post(Movement movement) {
        return post(movement.bookId(), level -> movement);
    }

    /**
     * Posts the movement made from a book's level as it is once locked, e.g. a stocktake's variance,
     * which no change can slip in between.
     */
    public Mono<RecordedMovement> post(String bookId, Function<StockLevel, Movement> movementFromLevel) {
        return lock(List.of(bookId))
                .flatMap(changes -> {
                    if (!changes.stocks(bookId)) {
                        return Mono.error(new StockNotFoundException(bookId));
                    }
                    changes.apply(
                            movementFromLevel.apply(changes.recordOf(bookId).level()));
                    return record(changes);
                })
                .map(List::getFirst);
    }

    private Mono<Void> announce(StockChanges changes) {
        List<StockRecord> runningLow = changes.runningLow();
        return Flux.fromIterable(changes.changed())
                .concatMap(after -> runningLow.contains(after)
                        ? events.levelChanged(after).then(events.runningLow(after))
                        : events.levelChanged(after))
                .then();
    }
}
