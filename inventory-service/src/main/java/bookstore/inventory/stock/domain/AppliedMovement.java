package bookstore.inventory.stock.domain;

import java.util.Objects;

/**
 * A movement applied to its book's record: the level it left behind and the record version it
 * produced, as the movements ledger records them.
 */
public record AppliedMovement(Movement movement, StockLevel after, long version) {

    public AppliedMovement {
        Objects.requireNonNull(movement, "movement");
        Objects.requireNonNull(after, "after");
    }
}
