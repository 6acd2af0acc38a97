package bookstore.events.catalog;

import bookstore.events.Money;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new book entered the catalogue; inventory opens a stock record for it.
 *
 * @param initialStock copies on hand when the book was added (schema version 2), so inventory can open
 *     the stock record with them; readers of version 1 records see 0
 * @param publisher the publisher, if known (schema version 3; null in older records)
 * @param categories the book's categories (schema version 3; absent in older records)
 */
public record BookAdded(
        UUID eventId,
        Instant occurredAt,
        String bookId,
        String isbn,
        String title,
        List<String> authors,
        Money price,
        int initialStock,
        String publisher,
        List<String> categories)
        implements BookEvent {

    @Override
    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 3;
    }
}
