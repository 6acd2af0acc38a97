package bookstore.inventory.stock.web;

import bookstore.inventory.stock.domain.StockRecord;

/**
 * A book's stock as admins see it.
 *
 * @param returnedToStock copies customers returned that went back on hand (restocks of orders
 *     cancelled after payment are not counted: those orders are not sales)
 * @param returnedDamaged copies customers returned that were written off as damaged
 */
record StockResource(
        String bookId,
        int onHand,
        int reserved,
        int available,
        int lowStockThreshold,
        int returnedToStock,
        int returnedDamaged) {

    static StockResource of(StockRecord record) {
        return new StockResource(
                record.bookId(),
                record.level().onHand(),
                record.level().reserved(),
                record.level().available(),
                record.threshold().copies(),
                record.returns().toStock(),
                record.returns().damaged());
    }
}
