package bookstore.inventory.stock.domain;

import java.util.Objects;

/**
 * One book's stock: its level, when it counts as low, a version that increases with every change,
 * so readers of its events can tell a newer level from an older one, and what customers' returns
 * brought back of it.
 */
public record StockRecord(
        String bookId, StockLevel level, LowStockThreshold threshold, long version, CustomerReturns returns) {

    public StockRecord {
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(returns, "returns");
    }

    /** The record once a movement is applied: its level and returns after it, and the next version. */
    public StockRecord after(Movement movement) {
        return new StockRecord(bookId, level.after(movement), threshold, version + 1, returns.after(movement));
    }

    /** The same stock counting as low from another threshold. */
    public StockRecord withThreshold(LowStockThreshold newThreshold) {
        return new StockRecord(bookId, level, newThreshold, version, returns);
    }

    public boolean isLow() {
        return threshold.isLow(level);
    }

    /** Whether moving the threshold makes a book that was fine count as low. */
    public boolean becomesLowWith(LowStockThreshold newThreshold) {
        return !isLow() && newThreshold.isLow(level);
    }
}
