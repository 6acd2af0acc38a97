package bookstore.inventory.stock.domain;

/**
 * How many copies of a book the shop holds and how many of those are promised to orders. Available
 * stock is what is left to promise; it is derived, never stored, so it cannot disagree.
 *
 * @param onHand copies physically in stock, reserved ones included
 * @param reserved copies set aside for orders that are not yet paid
 */
public record StockLevel(int onHand, int reserved) {

    public static final StockLevel NONE = new StockLevel(0, 0);

    public StockLevel {
        if (reserved < 0) {
            throw new IllegalArgumentException("reserved copies cannot be negative, were " + reserved);
        }
        if (onHand < reserved) {
            throw new IllegalArgumentException(
                    "copies on hand (" + onHand + ") cannot be fewer than reserved ones (" + reserved + ")");
        }
    }

    public int available() {
        return onHand - reserved;
    }

    /**
     * The level once a movement is applied. Refuses a movement that would leave available stock
     * below zero: that is the no-oversell rule every stock change obeys.
     */
    public StockLevel after(Movement movement) {
        int nextReserved = reserved + movement.reservedChange();
        int nextOnHand = onHand + movement.onHandChange();
        if (nextReserved < 0) {
            throw new IllegalArgumentException("book " + movement.bookId() + " has only " + reserved
                    + " reserved copies to give back, not " + -movement.reservedChange());
        }
        if (nextOnHand < nextReserved) {
            throw InsufficientStockException.refusing(movement, this);
        }
        return new StockLevel(nextOnHand, nextReserved);
    }

    /** Whether {@link #after} would accept the movement. */
    public boolean allows(Movement movement) {
        int nextReserved = reserved + movement.reservedChange();
        return nextReserved >= 0 && onHand + movement.onHandChange() >= nextReserved;
    }
}
