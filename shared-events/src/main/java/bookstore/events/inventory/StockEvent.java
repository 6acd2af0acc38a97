package bookstore.events.inventory;

import bookstore.events.IntegrationEvent;

/** Facts about the stock of one book, on {@code inventory.stock.v1}, keyed by book id. */
public sealed interface StockEvent extends IntegrationEvent permits StockLevelChanged, LowStockDetected {

    String bookId();

    @Override
    default String aggregateId() {
        return bookId();
    }
}
