package bookstore.inventory.stock.domain;

/**
 * What customers' returns brought back of a book, as inspection found it: the copies that went back
 * on the shelf and those written off as damaged. Sold copies of an order later cancelled are not
 * counted here: that order was never a sale. So for every book, the copies received (opening stock
 * and receipts, adjustments and stocktakes aside) are on hand (available + reserved) or sold, less
 * those returned to stock; the damaged ones stay counted as sold and gone.
 *
 * @param toStock copies returned in good condition and put back on hand
 * @param damaged copies returned damaged and written off
 */
public record CustomerReturns(int toStock, int damaged) {

    public static final CustomerReturns NONE = new CustomerReturns(0, 0);

    public CustomerReturns {
        if (toStock < 0 || damaged < 0) {
            throw new IllegalArgumentException("returned copies cannot be negative");
        }
    }

    /** The counts once a movement is applied: only the movements of a customer's return count. */
    public CustomerReturns after(Movement movement) {
        if (movement.returnId() == null) {
            return this;
        }
        return switch (movement.kind()) {
            case RETURN -> new CustomerReturns(toStock + movement.onHandChange(), damaged);
            case DAMAGED -> new CustomerReturns(toStock, damaged + movement.writtenOff());
            default -> this;
        };
    }
}
