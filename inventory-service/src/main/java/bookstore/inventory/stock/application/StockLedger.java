package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.InsufficientStockException;
import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockRecord;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The one way stock changes: a movement is applied to the book's record by an atomic conditional
 * update (so no interleaving of changes can oversell), written to the movements ledger, and
 * announced as a new stock level, plus a low-stock alert when it took the book below its threshold.
 *
 * <p>It joins the caller's transaction, which decides what else commits with the movement.
 */
@Service
public class StockLedger {

    private final StockRecords records;
    private final MovementLedger ledger;
    private final StockEvents events;
    private final Clock clock;

    StockLedger(StockRecords records, MovementLedger ledger, StockEvents events, Clock clock) {
        this.records = records;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Posts a movement. Fails with {@link InsufficientStockException} when it would leave fewer than
     * zero copies available and with {@link StockNotFoundException} for a book inventory does not
     * know; nothing is written then.
     */
    public Mono<RecordedMovement> post(Movement movement) {
        return records.apply(movement)
                .switchIfEmpty(Mono.defer(() -> whyNotApplied(movement)))
                .flatMap(after -> ledger.append(movement, after, clock.instant())
                        .flatMap(recorded -> announce(movement, after).thenReturn(recorded)));
    }

    private Mono<Void> announce(Movement movement, StockRecord after) {
        Mono<Void> changed = events.levelChanged(after);
        return after.threshold().alertsOn(movement, after.level()) ? changed.then(events.runningLow(after)) : changed;
    }

    /**
     * The update matched no row: the book is unknown, or the movement would have oversold it. The
     * update decided; the level read here only explains the refusal.
     */
    private Mono<StockRecord> whyNotApplied(Movement movement) {
        return records.find(movement.bookId())
                .switchIfEmpty(Mono.error(() -> new StockNotFoundException(movement.bookId())))
                .flatMap(current -> Mono.error(InsufficientStockException.refusing(movement, current.level())));
    }
}
