package bookstore.inventory.stock.web;

import bookstore.inventory.stock.domain.StockRecord;

/** A book's stock as admins see it. */
record StockResource(String bookId, int onHand, int reserved, int available, int lowStockThreshold) {

    static StockResource of(StockRecord record) {
        return new StockResource(
                record.bookId(),
                record.level().onHand(),
                record.level().reserved(),
                record.level().available(),
                record.threshold().copies());
    }
}
