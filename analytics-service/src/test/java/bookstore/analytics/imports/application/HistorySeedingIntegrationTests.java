package bookstore.analytics.imports.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.analytics.imports.CatalogueRecords;
import bookstore.analytics.imports.ImportIntegrationTest;
import bookstore.analytics.imports.ImportsTopic;
import bookstore.analytics.imports.TestBooks;
import bookstore.analytics.query.Globals;
import bookstore.analytics.streams.BookFacts;
import bookstore.events.analytics.SaleImported;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The local shop's start: the catalogue's books arrive, and analytics imports a sample history of them through the
 * import (here 3 days, as the test context sets), once.
 */
@ImportIntegrationTest
class HistorySeedingIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    private HistorySeeding seeding;

    @Autowired
    private Globals globals;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void anEmptyShopGetsItsSampleHistoryOnceItsBooksHaveArrived() throws Exception {
        List<BookFacts> books = TestBooks.shelves(
                "seeding-" + UUID.randomUUID(),
                200_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 100L,
                40);
        CatalogueRecords.add(bootstrapServers, books);

        HistorySeeding.Outcome outcome = seeding.outcome().get(120, TimeUnit.SECONDS);

        if (outcome instanceof HistorySeeding.Outcome.Seeded(var imported)) {
            LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
            assertThat(imported.from().atZone(SHANGHAI).toLocalDate()).isEqualTo(yesterday.minusDays(2));
            assertThat(imported.to().atZone(SHANGHAI).toLocalDate()).isEqualTo(yesterday);
            assertThat(imported.orders()).isGreaterThan(3 * 50);
            List<SaleImported> published = ImportsTopic.records(bootstrapServers).stream()
                    .map(ImportsTopic::sale)
                    .filter(sale -> sale.importId().equals(imported.importId()))
                    .toList();
            assertThat(published).hasSize(imported.lines());
            Set<String> known = globals.allBooks().keySet();
            assertThat(published).allSatisfy(sale -> {
                assertThat(sale.orderId()).startsWith("import:SO");
                assertThat(known).contains(sale.bookId());
            });
        } else {
            // Only when another test class of this JVM imported sales before this context started.
            assertThat(((HistorySeeding.Outcome.Skipped) outcome).importedBefore())
                    .isPositive();
        }
        // Seeded once: now the topic holds imported sales, and seeding again leaves the shop alone.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !ImportsTopic.records(bootstrapServers).isEmpty());
        assertThat(seeding.seed()).isInstanceOfSatisfying(HistorySeeding.Outcome.Skipped.class, skipped -> assertThat(
                        skipped.importedBefore())
                .isPositive());
    }
}
