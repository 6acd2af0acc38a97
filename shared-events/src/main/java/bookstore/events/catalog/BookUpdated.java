package bookstore.events.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A book's descriptive data changed (not its price: see {@link BookPriceChanged}).
 *
 * @param publisher the publisher, if known (schema version 2; null in older records)
 * @param categories the book's categories (schema version 2; absent in older records)
 */
public record BookUpdated(
        UUID eventId,
        Instant occurredAt,
        String bookId,
        String isbn,
        String title,
        List<String> authors,
        String publisher,
        List<String> categories)
        implements BookEvent {

    @Override
    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 2;
    }
}
