package bookstore.analytics.imports;

import static bookstore.analytics.imports.ImportsApi.JSON_OBJECT;
import static bookstore.analytics.imports.ImportsApi.accepted;
import static bookstore.analytics.imports.ImportsApi.importing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.analytics.imports.sample.SampleHistory;
import bookstore.analytics.query.Globals;
import bookstore.analytics.streams.BookFacts;
import bookstore.analytics.streams.SaleLine;
import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.analytics.SaleImported;
import bookstore.testsupport.ConsumerGroups;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ImportIntegrationTest
class ImportsIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PROBLEMS = "https://bookstore.example/problems/";

    /** Books of this class's own, ISBNs no other test class uses. */
    private static final List<BookFacts> BOOKS = TestBooks.shelves(
            "imports-" + UUID.randomUUID(),
            100_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 100L,
            3);

    @Autowired
    private WebTestClient http;

    @Autowired
    private Globals globals;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.streams.application-id}")
    private String streamsApplication;

    /** Order references of this test only, so what other tests import never counts here. */
    private String ref;

    private WebTestClient admin;

    @BeforeEach
    void catalogueKnowsTheBooks() {
        ref = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
        admin = ImportsApi.admin(http);
        Set<String> isbns = BOOKS.stream().map(BookFacts::isbn).collect(Collectors.toSet());
        CatalogueRecords.addOnce(bootstrapServers, BOOKS);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> globals.allBooks().values().stream()
                .map(BookFacts::isbn)
                .collect(Collectors.toSet())
                .containsAll(isbns));
    }

    @Test
    void eachLineOfAValidFileIsPublishedAsAnImportedSaleAtItsOriginalTime() {
        String csv = """
                order_ref,ordered_at,isbn,quantity,unit_price,customer_ref
                %1$s1,2003-11-11T00:03:15+08:00,%2$s,2,45.80,customer-a@old-shop
                %1$s1,2003-11-11T00:03:15+08:00,%3$s,1,19,customer-a@old-shop
                "%1$s2",2003-06-18 21:30:00,%4$s,1,0.5,"customer, b"
                """.formatted(ref, isbn(0), isbn(1), isbn(2));

        Map<String, Object> answer = accepted(admin, csv);

        assertThat(answer)
                .containsEntry("lines", 3)
                .containsEntry("orders", 2)
                .containsEntry("books", 3)
                .containsEntry("customers", 2)
                .containsEntry("from", "2003-06-18T21:30:00+08:00")
                .containsEntry("to", "2003-11-11T00:03:15+08:00");
        String importId = (String) answer.get("importId");
        List<ConsumerRecord<String, byte[]>> records = ImportsTopic.records(bootstrapServers).stream()
                .filter(record -> record.key().startsWith("import:" + ref))
                .toList();
        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(record -> {
            assertThat(ImportsTopic.type(record)).isEqualTo("bookstore.analytics.SaleImported");
            assertThat(ImportsTopic.header(record, CloudEvents.SOURCE)).isEqualTo("/bookstore/analytics-service");
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain("customer-a@old-shop")
                    .doesNotContain("customer, b");
            assertThat(ImportsTopic.header(record, CloudEvents.ID))
                    .isEqualTo(ImportsTopic.sale(record).eventId().toString());
        });
        Map<String, SaleImported> byIsbn =
                records.stream().map(ImportsTopic::sale).collect(Collectors.toMap(SaleImported::isbn, sale -> sale));
        SaleImported first = byIsbn.get(isbn(0));
        assertThat(first.orderId()).isEqualTo("import:" + ref + "1");
        assertThat(first.importId()).isEqualTo(importId);
        assertThat(first.bookId()).isEqualTo(BOOKS.get(0).bookId());
        assertThat(first.quantity()).isEqualTo(2);
        assertThat(first.unitPrice()).isEqualTo(new Money(4_580, "CNY"));
        assertThat(first.soldAt()).isEqualTo(Instant.parse("2003-11-10T16:03:15Z"));
        assertThat(first.customer()).matches("[0-9a-f]{64}");
        assertThat(byIsbn.get(isbn(1)).customer()).isEqualTo(first.customer());
        assertThat(byIsbn.get(isbn(1)).unitPrice()).isEqualTo(new Money(1_900, "CNY"));
        SaleImported third = byIsbn.get(isbn(2));
        assertThat(third.orderId()).isEqualTo("import:" + ref + "2");
        // Written without an offset: a time on the shop's calendar.
        assertThat(third.soldAt())
                .isEqualTo(LocalDateTime.parse("2003-06-18T21:30:00")
                        .atZone(SHANGHAI)
                        .toInstant());
        assertThat(third.unitPrice()).isEqualTo(new Money(50, "CNY"));
        assertThat(third.customer()).matches("[0-9a-f]{64}").isNotEqualTo(first.customer());
        assertThat(records.stream()
                        .map(record -> ImportsTopic.sale(record).eventId())
                        .distinct())
                .hasSize(3);
    }

    @Test
    void importingTheSameFileTwicePublishesTheSameEventsWhichAnalyticsCountsOnce() throws Exception {
        String csv = """
                order_ref,ordered_at,isbn,quantity,unit_price,customer_ref
                %1$s1,2003-03-01T10:00:00+08:00,%2$s,1,30.00,c1
                %1$s1,2003-03-01T10:00:00+08:00,%3$s,3,12.50,c1
                %1$s2,2003-03-02T11:00:00+08:00,%2$s,1,30.00,c2
                """.formatted(ref, isbn(0), isbn(1));

        String firstId = importId(csv);
        String secondId = importId(csv);

        assertThat(secondId).isEqualTo(firstId);
        List<SaleImported> published = ImportsTopic.salesOfOrders(bootstrapServers, "import:" + ref);
        assertThat(published).hasSize(6);
        Map<UUID, Long> copiesPerEvent =
                published.stream().collect(Collectors.groupingBy(SaleImported::eventId, Collectors.counting()));
        assertThat(copiesPerEvent).hasSize(3).allSatisfy((id, copies) -> assertThat(copies)
                .isEqualTo(2));

        // Once analytics has read everything on the topic, each line was counted once.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<org.apache.kafka.common.TopicPartition, Long> lastOffsets =
                    ImportsTopic.records(bootstrapServers).stream()
                            .filter(record -> record.key().startsWith("import:" + ref))
                            .collect(Collectors.toMap(
                                    record -> new org.apache.kafka.common.TopicPartition(
                                            record.topic(), record.partition()),
                                    ConsumerRecord::offset,
                                    Math::max));
            await().atMost(Duration.ofSeconds(60)).until(() -> lastOffsets.entrySet().stream()
                    .allMatch(
                            last -> ConsumerGroups.handled(admin, streamsApplication, last.getKey(), last.getValue())));
        }
        List<SaleLine> counted = CountedSales.ofOrders("import:" + ref);
        assertThat(counted).hasSize(3);
        assertThat(counted).allSatisfy(line -> assertThat(line.imported()).isTrue());
        assertThat(counted.stream().mapToLong(SaleLine::revenue).sum()).isEqualTo(3_000 + 3_750 + 3_000);
        assertThat(counted.stream().map(SaleLine::at).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        Instant.parse("2003-03-01T02:00:00Z"), Instant.parse("2003-03-02T03:00:00Z"));
    }

    static List<Arguments> invalidLines() {
        String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        return List.of(
                Arguments.of("%s,2003-01-01T10:00:00+08:00,9787572610913,1,45.00,c1", "isbn", "not an ISBN-13"),
                Arguments.of("%s,2003-01-01T10:00:00+08:00,9790000000001,1,45.00,c1", "isbn", "No book with ISBN"),
                Arguments.of("%s," + future + ",{isbn},1,45.00,c1", "ordered_at", "in the future"),
                Arguments.of("%s,1999-12-31T10:00:00+08:00,{isbn},1,45.00,c1", "ordered_at", "before 2000"),
                Arguments.of("%s,yesterday,{isbn},1,45.00,c1", "ordered_at", "not an ISO-8601"),
                Arguments.of("%s,2003-01-01T10:00:00+08:00,{isbn},0,45.00,c1", "quantity", "between 1 and 10000"),
                Arguments.of("%s,2003-01-01T10:00:00+08:00,{isbn},1,-1.00,c1", "unit_price", "from 0"),
                Arguments.of("%s,2003-01-01T10:00:00+08:00,{isbn},1,45.001,c1", "unit_price", "2 decimals"),
                Arguments.of("%s,2003-01-01T10:00:00+08:00,{isbn},1,45.00,", "customer_ref", "empty"),
                Arguments.of(
                        "%s,2003-01-01T10:00:00+08:00,{isbn},1,45.00," + "x".repeat(101), "customer_ref", "longer"),
                Arguments.of("%s,2003-01-01T10:00:00+08:00,{isbn},1,45.00", null, "5 columns"),
                Arguments.of("%s1,2003-01-01T10:00:00+08:00,{repeated},2,45.00,c1", "isbn", "Repeats line 2"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalidLines")
    void aFileWithAnInvalidLineIsRefusedNamingTheLineAndNothingIsPublished(String line, String column, String message) {
        String csv = """
                order_ref,ordered_at,isbn,quantity,unit_price,customer_ref
                %1$s1,2003-01-01T10:00:00+08:00,%2$s,1,45.00,c1
                %3$s
                %1$s9,2003-01-02T10:00:00+08:00,%4$s,1,45.00,c9
                """.formatted(
                        ref,
                        isbn(0),
                        line.formatted(ref + "X")
                                .replace("{isbn}", isbn(1))
                                .replace("{repeated}", isbn(0))
                                .replace(ref + "X1,", ref + "1,"),
                        isbn(2));

        var problem = importing(admin, csv)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(problem)
                .containsEntry("type", PROBLEMS + "invalid-import-lines")
                .containsEntry("errorCount", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("line", 3);
            assertThat(error.get("column")).isEqualTo(column);
            assertThat((String) error.get("message")).contains(message);
        });
        assertThat(ImportsTopic.salesOfOrders(bootstrapServers, "import:" + ref))
                .isEmpty();
    }

    @Test
    void aFileWithoutTheColumnsIsNotAFileOfPastSales() {
        String csv = """
                order_ref,ordered_at,isbn,quantity,customer_ref
                %s1,2003-01-01T10:00:00+08:00,%s,1,c1
                """.formatted(ref, isbn(0));

        importing(admin, csv)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "invalid-import-file")
                .jsonPath("$.errors[0].line")
                .isEqualTo(1)
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("missing: unit_price"));
        assertThat(ImportsTopic.salesOfOrders(bootstrapServers, "import:" + ref))
                .isEmpty();
    }

    @Test
    void onlyCsvIsTaken() {
        admin.post()
                .uri("/api/analytics/imports")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("order_ref", ref + "1"))
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "unsupported-media-type");
        importing(admin, MediaType.parseMediaType("text/csv;charset=GBK"), validFile())
                .expectStatus()
                .isEqualTo(415);
        assertThat(ImportsTopic.salesOfOrders(bootstrapServers, "import:" + ref))
                .isEmpty();
    }

    @Test
    void onlyAdminsImport() {
        importing(ImportsApi.customer(http), validFile())
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        importing(http, validFile())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ImportsTopic.salesOfOrders(bootstrapServers, "import:" + ref))
                .isEmpty();
    }

    /** Far more than a request body the service would hold in memory: the file is read as it streams in. */
    @Test
    void aLargeFileIsReadAsItStreamsIn() {
        // A month of the sample history for this class's books, on days the seeding's history does not cover.
        List<String> lines = new SampleHistory(
                        BOOKS,
                        LocalDate.of(2004, 1, 1),
                        LocalDate.of(2004, 1, 31),
                        SHANGHAI,
                        ThreadLocalRandom.current().nextLong())
                .csvLines()
                .toList();
        String csv = String.join("\r\n", lines) + "\r\n";
        assertThat(csv.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(256 * 1024);

        Map<String, Object> answer = accepted(admin, csv);

        assertThat(answer).containsEntry("lines", lines.size() - 1).containsEntry("books", BOOKS.size());
        assertThat(ImportsTopic.records(bootstrapServers).stream()
                        .filter(record -> ImportsTopic.sale(record).importId().equals(answer.get("importId"))))
                .hasSize(lines.size() - 1);
    }

    @Test
    void aLineFarLongerThanAnyOrderLineIsNoFileOfPastSales() {
        String csv = validFile() + ref + "2,2003-01-01T10:00:00+08:00," + isbn(0) + ",1,45.00," + "x".repeat(70_000);

        importing(admin, csv)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEMS + "invalid-import-file");
        assertThat(ImportsTopic.salesOfOrders(bootstrapServers, "import:" + ref))
                .isEmpty();
    }

    @Test
    void theApiDescriptionShowsTheCsvItTakes() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/analytics/imports'].post.requestBody.content['text/csv'].schema.type")
                .isEqualTo("string")
                .jsonPath("$.paths['/api/analytics/imports'].post.summary")
                .value(summary -> assertThat((String) summary).startsWith("Import past sales"));
    }

    private String validFile() {
        return bookstore.analytics.imports.domain.SalesCsv.HEADER + "\n" + ref + "1,2003-01-01T10:00:00+08:00,"
                + isbn(0) + ",1,45.00,c1\n";
    }

    private String importId(String csv) {
        return (String) accepted(admin, csv).get("importId");
    }

    private static String isbn(int book) {
        return BOOKS.get(book).isbn();
    }
}
