package bookstore.inventory.stock.application;

import bookstore.inventory.stock.domain.LowStockThreshold;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stock settings.
 *
 * @param defaultLowStockThreshold the threshold a new stock record starts with, until an admin sets
 *     one for the book
 */
@ConfigurationProperties("bookstore.inventory")
public record StockProperties(@DefaultValue("5") int defaultLowStockThreshold) {

    /** The threshold every new stock record starts with. */
    LowStockThreshold defaultThreshold() {
        return new LowStockThreshold(defaultLowStockThreshold);
    }
}
