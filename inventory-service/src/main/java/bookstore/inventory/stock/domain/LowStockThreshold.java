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
     * Whether changes that took a book from one level to another should raise a low-stock alert: when
     * they took it from above the threshold to at or below it. Alerting on the crossing, not on every
     * low level, tells buyers once instead of on every sale; changes applied together (a batch of
     * orders) alert at most once, for where they left the book.
     */
    public boolean alertsOn(StockLevel before, StockLevel after) {
        return !isLow(before) && isLow(after);
    }

    /** A freshly opened record has no "before", so it alerts when it opens low. */
    public boolean alertsOnOpening(StockLevel opened) {
        return isLow(opened);
    }
}
