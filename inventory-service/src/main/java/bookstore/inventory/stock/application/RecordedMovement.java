package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.Movement;
import bookstore.inventory.stock.domain.StockLevel;
import java.time.Instant;

/**
 * A ledger entry: the movement, the level it left the book at and the record version it produced.
 */
public record RecordedMovement(long id, Movement movement, StockLevel after, long version, Instant occurredAt) {}
