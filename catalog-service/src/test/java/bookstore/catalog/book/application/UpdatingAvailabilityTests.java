package bookstore.catalog.book.application;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.catalog.book.domain.Availability;
import bookstore.catalog.book.domain.BookId;
import bookstore.events.inventory.StockLevelChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpdatingAvailabilityTests {

    @Test
    void ofABatchsFactsAboutABookOnlyTheNewestCountsWhateverTheirOrder() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();

        var newest = UpdatingAvailability.newestPerBook(
                List.of(fact(busy, 5, 3), fact(busy, 2, 6), fact(quiet, 1, 1), fact(busy, 9, 4), fact(busy, -1, 6)));

        assertThat(newest)
                .containsOnlyKeys(new BookId(busy), new BookId(quiet))
                .containsEntry(new BookId(busy), new Availability(2, 6))
                .containsEntry(new BookId(quiet), new Availability(1, 1));
    }

    private static StockLevelChanged fact(UUID book, int available, long version) {
        return new StockLevelChanged(
                UUID.randomUUID(), Instant.now(), book.toString(), Math.max(available, 0) + 3, 3, available, version);
    }
}
