package bookstore.inventory.stock.application;

import bookstore.events.Topics;
import bookstore.events.inventory.LowStockDetected;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.inventory.stock.domain.StockRecord;
import bookstore.platform.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tells the other services about a book's stock, through the outbox of the current transaction. */
@Component
class StockEvents {

    private final Outbox outbox;
    private final Clock clock;

    StockEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    Mono<Void> levelChanged(StockRecord record) {
        return outbox.append(
                Topics.INVENTORY_STOCK,
                new StockLevelChanged(
                        UUID.randomUUID(),
                        clock.instant(),
                        record.bookId(),
                        record.level().onHand(),
                        record.level().reserved(),
                        record.level().available(),
                        record.version()));
    }

    Mono<Void> runningLow(StockRecord record) {
        return outbox.append(
                Topics.INVENTORY_STOCK,
                new LowStockDetected(
                        UUID.randomUUID(),
                        clock.instant(),
                        record.bookId(),
                        record.level().available(),
                        record.threshold().copies()));
    }
}
