package bookstore.analytics.streams;

/** A book's latest stock level from {@code inventory.stock.v1}. */
public record StockLevel(String bookId, int onHand, int reserved, int available, long version) {}
