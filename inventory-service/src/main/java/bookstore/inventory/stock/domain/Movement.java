package bookstore.inventory.stock.domain;

import java.util.Objects;

/**
 * One change to one book's stock, as the movements ledger records it. Every change of on hand or
 * reserved copies is a movement, so the ledger of a book sums to its current level.
 *
 * @param onHandChange copies added to (positive) or taken from (negative) stock on hand
 * @param reservedChange copies set aside for (positive) or freed from (negative) orders
 * @param orderId the order the movement belongs to, for reservations, releases, sales and returns
 * @param returnId the customer's return whose copies came back (RETURN of a return, DAMAGED)
 * @param writtenOff copies that came back and were written off without reaching stock on hand
 *     (DAMAGED only; zero otherwise)
 * @param reason the coded reason of an adjustment
 * @param note free text from the person who entered the change, or why the order released its stock
 */
public record Movement(
        String bookId,
        MovementKind kind,
        int onHandChange,
        int reservedChange,
        String orderId,
        String returnId,
        int writtenOff,
        AdjustmentReason reason,
        String note) {

    public static final int MAX_NOTE_LENGTH = 500;

    public Movement {
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(kind, "kind");
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidStockChangeException("note", "a note has at most " + MAX_NOTE_LENGTH + " characters");
        }
        if (writtenOff < 0 || (writtenOff > 0) != (kind == MovementKind.DAMAGED)) {
            throw new IllegalArgumentException("exactly a DAMAGED movement writes copies off, was " + writtenOff);
        }
        if (kind == MovementKind.DAMAGED && (onHandChange != 0 || reservedChange != 0 || returnId == null)) {
            throw new IllegalArgumentException("damaged copies of a return never reach stock on hand");
        }
    }

    /** The copies the catalogue said it had when it added the book. */
    public static Movement opening(String bookId, int copies) {
        if (copies < 0) {
            throw new InvalidStockChangeException("initialStock", "opening stock cannot be negative, was " + copies);
        }
        return new Movement(
                bookId, MovementKind.OPENING, copies, 0, null, null, 0, null, "opening stock from the catalogue");
    }

    public static Movement receipt(String bookId, int quantity, String note) {
        if (quantity < 1) {
            throw new InvalidStockChangeException("quantity", "a receipt adds at least one copy");
        }
        return new Movement(bookId, MovementKind.RECEIPT, quantity, 0, null, null, 0, null, note);
    }

    public static Movement reservation(String bookId, String orderId, int quantity) {
        return new Movement(
                bookId, MovementKind.RESERVATION, 0, positive(quantity), requireOrder(orderId), null, 0, null, null);
    }

    public static Movement release(String bookId, String orderId, int quantity, String why) {
        return new Movement(
                bookId, MovementKind.RELEASE, 0, -positive(quantity), requireOrder(orderId), null, 0, null, clip(why));
    }

    /** A paid order's reserved copies leave the shelf: on hand and reserved both drop. */
    public static Movement sale(String bookId, String orderId, int quantity) {
        int copies = positive(quantity);
        return new Movement(bookId, MovementKind.SALE, -copies, -copies, requireOrder(orderId), null, 0, null, null);
    }

    /** A sold order was cancelled: its copies are back on hand and available again. */
    public static Movement restock(String bookId, String orderId, int quantity, String why) {
        return new Movement(
                bookId, MovementKind.RETURN, positive(quantity), 0, requireOrder(orderId), null, 0, null, clip(why));
    }

    /** Copies a customer returned in good condition go back on the shelf, available again. */
    public static Movement returnedToStock(String bookId, String orderId, String returnId, int copies) {
        return new Movement(
                bookId,
                MovementKind.RETURN,
                positive(copies),
                0,
                requireOrder(orderId),
                Objects.requireNonNull(returnId, "returnId"),
                0,
                null,
                null);
    }

    /** Copies a customer returned damaged are written off: counted, never back on hand. */
    public static Movement returnedDamaged(String bookId, String orderId, String returnId, int copies) {
        return new Movement(
                bookId,
                MovementKind.DAMAGED,
                0,
                0,
                requireOrder(orderId),
                Objects.requireNonNull(returnId, "returnId"),
                positive(copies),
                null,
                null);
    }

    public static Movement adjustment(String bookId, AdjustmentReason reason, int change, String note) {
        Objects.requireNonNull(reason, "reason");
        if (!reason.allows(change)) {
            throw new InvalidStockChangeException(
                    "change", "an adjustment for " + reason.name() + " " + reason.directionDescription());
        }
        return new Movement(bookId, MovementKind.ADJUSTMENT, change, 0, null, null, 0, reason, note);
    }

    /**
     * A physical count replaces the recorded quantity on hand; the movement is the variance. Reserved
     * copies are still on the shelf waiting for payment, so a count below them means copies promised
     * to customers are missing: that needs the orders resolved first, not a silent write-off.
     */
    public static Movement stocktake(String bookId, StockLevel recorded, int counted, String note) {
        if (counted < 0) {
            throw new InvalidStockChangeException("counted", "a count cannot be negative");
        }
        if (counted < recorded.reserved()) {
            throw new InsufficientStockException(
                    bookId,
                    "Counted " + counted + " copies of book " + bookId + " but " + recorded.reserved()
                            + " are reserved for open orders; resolve those orders before recording the count.");
        }
        return new Movement(bookId, MovementKind.STOCKTAKE, counted - recorded.onHand(), 0, null, null, 0, null, note);
    }

    /** What the movement does to available stock. */
    public int availableChange() {
        return onHandChange - reservedChange;
    }

    private static int positive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("an order moves at least one copy, was " + quantity);
        }
        return quantity;
    }

    /** Reasons come from the order saga, not from a person at a form: they are shortened, not refused. */
    private static String clip(String why) {
        return why == null || why.length() <= MAX_NOTE_LENGTH ? why : why.substring(0, MAX_NOTE_LENGTH);
    }

    private static String requireOrder(String orderId) {
        return Objects.requireNonNull(orderId, "orderId");
    }
}
