package bookstore.analytics.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.analytics.query.Globals;
import bookstore.analytics.streams.BookFacts;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.analytics.SaleImported;
import bookstore.platform.messaging.EventCodec;
import bookstore.platform.messaging.OutgoingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Kafka refusing part of an import: here the producer refuses a record larger than it may send, which a line with
 * a long order reference makes, while the lines around it go through. Its own context, with that producer limit
 * and its own Kafka Streams application.
 */
@ImportIntegrationTest
class ImportInterruptedIntegrationTests {

    private static final List<BookFacts> BOOKS = TestBooks.shelves(
            "interrupted-" + UUID.randomUUID(),
            300_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 100L,
            1);
    private static final String SHORT_REF = "I" + UUID.randomUUID().toString().substring(0, 8);
    private static final String LONG_REF = SHORT_REF + "-" + "x".repeat(90);

    @DynamicPropertySource
    static void producerRefusingLongLines(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.streams.application-id", () -> "analytics-imports-interrupted-tests");
        // Halfway between the records of a short and of a long reference, as the producer measures them.
        registry.add(
                "spring.kafka.producer.properties.max.request.size",
                () -> (recordSize(SHORT_REF) + recordSize(LONG_REF)) / 2);
    }

    @Autowired
    private WebTestClient http;

    @Autowired
    private Globals globals;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void kafkaRefusingALineIsAServiceUnavailableAfterWhichTheSameFileMayBeImportedAgain() {
        CatalogueRecords.addOnce(bootstrapServers, BOOKS);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> globals.allBooks()
                .containsKey(BOOKS.getFirst().bookId()));
        String isbn = BOOKS.getFirst().isbn();
        String csv = """
                order_ref,ordered_at,isbn,quantity,unit_price,customer_ref
                %1$s-1,2003-01-01T10:00:00+08:00,%3$s,1,45.00,c1
                %2$s,2003-01-01T11:00:00+08:00,%3$s,1,45.00,c2
                %1$s-3,2003-01-01T12:00:00+08:00,%3$s,1,45.00,c3
                """.formatted(SHORT_REF, LONG_REF, isbn);

        for (int attempt = 1; attempt <= 2; attempt++) {
            Map<String, Object> problem = ImportsApi.importing(ImportsApi.admin(http), csv)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(ImportsApi.JSON_OBJECT)
                    .returnResult()
                    .getResponseBody();

            assertThat(problem)
                    .containsEntry("type", "https://bookstore.example/problems/import-interrupted")
                    // The producer refused the second line at once, so only what came before it may have gone.
                    .containsEntry("published", 0)
                    .containsEntry("lines", 3);
            assertThat((String) problem.get("detail")).contains("Importing the same file again is safe");
        }
        // The first line went out with each attempt, under the same event id (analytics counts it once); the lines
        // from the refused one on did not.
        String firstOrder = "import:" + SHORT_REF + "-1";
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        ImportsTopic.salesOfOrders(bootstrapServers, firstOrder).size() == 2);
        List<SaleImported> published = ImportsTopic.salesOfOrders(bootstrapServers, "import:" + SHORT_REF);
        assertThat(published).extracting(SaleImported::orderId).containsOnly(firstOrder);
        assertThat(published)
                .extracting(SaleImported::eventId)
                .hasSize(2)
                .containsOnly(published.getFirst().eventId());
    }

    /** How large the producer reckons the record of a line with this order reference (Kafka's own estimate). */
    private static int recordSize(String orderRef) {
        SaleImported sale = new SaleImported(
                UUID.randomUUID(),
                Instant.now(),
                "import:" + orderRef,
                UUID.randomUUID().toString(),
                BOOKS.getFirst().bookId(),
                BOOKS.getFirst().isbn(),
                1,
                new Money(4_500, "CNY"),
                "0".repeat(64),
                Instant.now());
        OutgoingEvent event = OutgoingEvent.of(Topics.SALES_IMPORTS, sale, new EventCodec());
        return AbstractRecords.estimateSizeInBytesUpperBound(
                RecordBatch.CURRENT_MAGIC_VALUE,
                Compression.NONE.type(),
                event.key().getBytes(StandardCharsets.UTF_8),
                event.payload(),
                event.headers("/bookstore/analytics-service").toArray());
    }
}
