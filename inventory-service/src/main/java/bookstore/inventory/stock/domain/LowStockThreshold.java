package bookstore.inventory.stock.domain;

/**
 * The number of available copies at or below which a book counts as running low and buyers should
 * reorder. Zero means "tell me when it is sold out".
 */
public record LowStockThreshold(int copies) {

    public static final int MAX = 100_000;

    public LowStockThreshold {
        if (copies < 0 || copies > MAX) {
            throw new InvalidStockChangeException("threshold", "a low-stock threshold is between 0 and " + MAX);
        }
    }

    public boolean isLow(StockLevel level) {
        return level.available() <= copies;
    }

    /**
     * Whether a movement should raise a low-stock alert: when it takes the book from above the
     * threshold to at or below it. Alerting on the crossing, not on every low level, tells buyers once
     * instead of on every sale. A freshly opened record has no "before", so it alerts when it opens
     * low.
     */
    public boolean alertsOn(Movement movement, StockLevel after) {
        if (movement.kind() == MovementKind.OPENING) {
            return isLow(after);
        }
        return !isLow(after.before(movement)) && isLow(after);
    }
}
