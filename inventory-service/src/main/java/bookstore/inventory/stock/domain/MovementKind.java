package bookstore.inventory.stock.domain;

/** Why a book's stock moved; every entry of the movements ledger has one. */
public enum MovementKind {
    /** The stock record was opened when the catalogue added the book. */
    OPENING,
    /** Copies arrived from a supplier (入库). */
    RECEIPT,
    /** Copies were set aside for an order. */
    RESERVATION,
    /** An order's reservation was given back to available stock. */
    RELEASE,
    /** A paid order's copies left the shelf. */
    SALE,
    /**
     * A sold order was cancelled and its copies came back on hand, or a customer returned copies that
     * went back on the shelf (then the movement names the return).
     */
    RETURN,
    /**
     * Copies a customer returned were found damaged and written off: they never go back on hand, so
     * the movement changes no level and counts the copies as written off.
     */
    DAMAGED,
    /** Stock was corrected for a coded reason (damage, loss, …). */
    ADJUSTMENT,
    /** A physical count (盘点) replaced the recorded quantity; the change is the variance. */
    STOCKTAKE
}
