package bookstore.analytics.recommend;

import static bookstore.analytics.streams.TestRecords.bookAdded;
import static bookstore.analytics.streams.TestRecords.customer;
import static bookstore.analytics.streams.TestRecords.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bookstore.analytics.streams.BookCatalogue;
import bookstore.analytics.streams.SaleLine;
import bookstore.analytics.streams.SaleLines;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.analytics.streams.StockLevels;
import bookstore.analytics.streams.TestRecords;
import bookstore.events.CloudEvents;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.analytics.ImportedSalesEvent;
import bookstore.events.analytics.RecommendationsComputed;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import bookstore.events.analytics.SaleImported;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookEvent;
import bookstore.events.order.SaleRecorded;
import bookstore.events.order.SaleReturned;
import bookstore.events.order.SalesEvent;
import bookstore.platform.messaging.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recommendations sub-topology, fed the shop's events as its services publish them. */
class RecommendationStreamsTests {

    private static final ShopCalendar SHANGHAI = new ShopCalendar(ZoneId.of("Asia/Shanghai"));
    /** Noon in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final EventCodec CODEC = new EventCodec();

    private TopologyTestDriver driver;
    private TestRecords.EventInput<SalesEvent> sales;
    private TestRecords.EventInput<BookEvent> books;
    private TestOutputTopic<String, byte[]> recommendations;
    private int orders;

    private void start(int publishBatch) {
        StreamsBuilder builder = new StreamsBuilder();
        BookCatalogue.build(builder);
        StockLevels.build(builder);
        KStream<String, SaleLine> saleLines = SaleLines.build(builder);
        RecommendationStreams.build(
                builder,
                saleLines,
                SHANGHAI,
                new RecommendationSettings(2, 20, Duration.ofDays(30), INTERVAL, publishBatch, Duration.ofDays(14)));
        driver = new TopologyTestDriver(builder.build(), TestRecords.driverSettings(), NOW);
        sales = TestRecords.input(driver, Topics.SALES_EVENTS);
        books = TestRecords.input(driver, Topics.CATALOG_BOOKS);
        recommendations = driver.createOutputTopic(
                Topics.RECOMMENDATIONS.name(),
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    /**
     * {A,B}×3, {A,C}×1, {B,C}×2, {A,D}×2, {E}: A is in 6 orders, B in 5, C in 3, D in 2, E in 1. A, B, C and E
     * are fiction, D is history. The first order is customer 1's, every other one a different customer's.
     */
    private void constructedBaskets() {
        start(500);
        books.publish(
                bookAdded("A", "A", "Fiction", 3_000),
                bookAdded("B", "B", "Fiction", 3_000),
                bookAdded("C", "C", "Fiction", 3_000),
                bookAdded("D", "D", "History", 3_000),
                bookAdded("E", "E", "Fiction", 3_000));
        order("A", "B");
        order("A", "B");
        order("A", "B");
        order("A", "C");
        order("B", "C");
        order("B", "C");
        order("A", "D");
        order("A", "D");
        order("E");
    }

    /** One order, one copy of each book, a day ago. */
    private String order(String... bookIds) {
        orders++;
        String orderId = "order-" + orders;
        for (String bookId : bookIds) {
            sales.publish(sale(orderId, bookId, 1, 3_000, customer(orders), NOW.minus(Duration.ofDays(1))));
        }
        return orderId;
    }

    @Test
    void booksBoughtTogetherRankByCosineSimilarityAboveTheMinimumSupport() {
        constructedBaskets();

        Map<String, RecommendationsComputed> published = afterAnInterval();

        // D shares fewer orders with A than B does, but D sells little otherwise: 2/√(6·2) > 3/√(6·5).
        assertThat(published.get("book:A").books())
                .containsExactly(new RecommendedBook("D", 0.5774, 2), new RecommendedBook("B", 0.5477, 3));
        // {A,C} once is below the minimum support of 2: A is not among C's neighbours, nor C among A's.
        assertThat(published.get("book:B").books())
                .containsExactly(new RecommendedBook("A", 0.5477, 3), new RecommendedBook("C", 0.5164, 2));
        assertThat(published.get("book:C").books()).containsExactly(new RecommendedBook("B", 0.5164, 2));
        assertThat(published.get("book:D").books()).containsExactly(new RecommendedBook("A", 0.5774, 2));
        assertThat(published.get("book:A").books().getFirst().score()).isCloseTo(2 / Math.sqrt(6 * 2), within(0.00005));
        assertThat(published).doesNotContainKey("book:E");
        assertThat(published.values())
                .filteredOn(event -> event.subject().startsWith("book:"))
                .allSatisfy(event -> {
                    assertThat(event.kind()).isEqualTo("BOUGHT_TOGETHER");
                    assertThat(event.purchased()).isEmpty();
                });
    }

    @Test
    void aReplayedSaleChangesNothingAndANewOrderMovesItsListsWithinAnInterval() {
        constructedBaskets();
        SaleRecorded line = sale("order-x", "A", 5, 3_000, customer(99), NOW.minus(Duration.ofHours(1)));
        SaleRecorded other = sale("order-x", "C", 1, 3_000, customer(99), NOW.minus(Duration.ofHours(1)));
        sales.publish(line, other);
        Map<String, RecommendationsComputed> first = afterAnInterval();
        assertThat(first.get("category:Fiction").books().getFirst()).isEqualTo(new RecommendedBook("A", 11, 11));
        // A second {A,C} lifts the pair to the minimum support: C has A besides B now (2/√(7·4) < 2/√(5·4)).
        assertThat(first.get("book:C").books())
                .containsExactly(new RecommendedBook("B", 0.4472, 2), new RecommendedBook("A", 0.378, 2));
        // The customers' second pass, with the lists the first one published.
        afterAnInterval();

        sales.publish(line, other, line);

        assertThat(afterAnInterval()).isEmpty();
        assertThat(afterAnInterval()).isEmpty();

        // The same books in a new order count: a third {A,C} (3/√(8·5)) puts A above B (2/√(5·5)).
        sales.publish(
                sale("order-y", "A", 1, 3_000, customer(98), NOW), sale("order-y", "C", 1, 3_000, customer(98), NOW));
        assertThat(afterAnInterval().get("book:C").books())
                .containsExactly(new RecommendedBook("A", 0.4743, 3), new RecommendedBook("B", 0.4, 2));
    }

    @Test
    void returnedCopiesAddNoPairsAndTakeNothingFromTheBasketsOrders() {
        constructedBaskets();
        afterAnInterval();
        afterAnInterval();

        sales.publish(new SaleReturned(
                UUID.randomUUID(), NOW, "order-4", "return-1", "C", 1, new Money(3_000, "CNY"), customer(4), NOW));
        sales.publish(sale("order-4", "D", 1, 3_000, customer(4), NOW));

        Map<String, RecommendationsComputed> published = afterAnInterval();
        // D joins {A,C}: its order counts (3/√(6·3) with A); the return took nothing out of the basket, and adds no
        // pair.
        assertThat(published.get("book:D").books()).containsExactly(new RecommendedBook("A", 0.7071, 3));
        assertThat(published.get("book:A").books())
                .containsExactly(new RecommendedBook("D", 0.7071, 3), new RecommendedBook("B", 0.5477, 3));
        // The return only takes its copy off fiction's bestsellers: C sold 3, one came back.
        assertThat(published.get("category:Fiction").books()).contains(new RecommendedBook("C", 2, 2));
    }

    @Test
    void importedOrdersAreBasketsLikeLiveOnesButTheirCustomersGetNoPicks() {
        constructedBaskets();
        TestRecords.EventInput<ImportedSalesEvent> imports = TestRecords.input(driver, Topics.SALES_IMPORTS);
        for (String order : List.of("import:old-1", "import:old-2")) {
            for (String book : List.of("C", "D")) {
                imports.publish(new SaleImported(
                        UUID.randomUUID(),
                        NOW,
                        order,
                        "import-1",
                        book,
                        "9787536692930",
                        1,
                        new Money(3_000, "CNY"),
                        customer(500),
                        Instant.parse("2025-06-01T02:00:00Z")));
            }
        }

        Map<String, RecommendationsComputed> published = afterAnInterval();
        published.putAll(afterAnInterval());

        // Two past {C,D}: 2/√(5·4) for D, above B's 2/√(5·5).
        assertThat(published.get("book:C").books())
                .containsExactly(new RecommendedBook("D", 0.4472, 2), new RecommendedBook("B", 0.4, 2));
        assertThat(published).doesNotContainKey("customer:" + customer(500));
    }

    @Test
    void personalPicksLeaveOutWhatTheCustomerBoughtAndFillUpWithTheirCategorysBestsellers() {
        constructedBaskets();
        afterAnInterval();

        // The first pass had no bought-together lists yet; the second reads them back from the topic.
        RecommendationsComputed picks = afterAnInterval().get("customer:" + customer(1));

        assertThat(picks.kind()).isEqualTo("PERSONAL");
        assertThat(picks.purchased()).containsExactly("A", "B");
        // D through A (0.5774), C through B (0.5164); then fiction's bestsellers not yet in: E (1 copy), score 0.
        assertThat(picks.books())
                .containsExactly(
                        new RecommendedBook("D", 0.5774, 2),
                        new RecommendedBook("C", 0.5164, 2),
                        new RecommendedBook("E", 0, 1));
        assertThat(picks.books()).extracting(RecommendedBook::bookId).doesNotContain("A", "B");
    }

    @Test
    void categoryBestsellersCountTheWindowsDaysOnlyAndDropADayWhenItLeavesTheWindow() {
        start(500);
        books.publish(
                bookAdded("F", "F", "Poetry", 3_000),
                bookAdded("G", "G", "Poetry", 3_000),
                bookAdded("H", "H", "Poetry", 3_000));
        // 7 December noon in Shanghai: the window is 8 November to today.
        sales.publish(
                sale("order-1", "H", 9, 3_000, customer(1), Instant.parse("2026-11-07T15:59:00Z")),
                sale("order-2", "F", 2, 3_000, customer(2), Instant.parse("2026-11-07T16:00:00Z")),
                sale("order-3", "G", 1, 3_000, customer(3), NOW.minus(Duration.ofDays(1))));

        assertThat(afterAnInterval().get("category:Poetry").books())
                .containsExactly(new RecommendedBook("F", 2, 2), new RecommendedBook("G", 1, 1));

        driver.advanceWallClockTime(Duration.ofDays(1));
        RecommendationsComputed tomorrow = afterAnInterval().get("category:Poetry");

        assertThat(tomorrow.kind()).isEqualTo("CATEGORY_BESTSELLERS");
        assertThat(tomorrow.books()).containsExactly(new RecommendedBook("G", 1, 1));
    }

    @Test
    void publishedRecordsCarryTheShopsCloudEventsHeadersAndDecodeAsRecommendationsComputed() {
        constructedBaskets();
        driver.advanceWallClockTime(INTERVAL);

        List<TestRecord<String, byte[]>> records = recommendations.readRecordsToList();

        assertThat(records).isNotEmpty();
        for (TestRecord<String, byte[]> record : records) {
            RecommendationsComputed event =
                    (RecommendationsComputed) CODEC.decode(Topics.RECOMMENDATIONS, record.headers(), record.value());
            assertThat(record.key()).isEqualTo(event.subject());
            assertThat(header(record, CloudEvents.TYPE)).isEqualTo("bookstore.analytics.RecommendationsComputed");
            assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/bookstore/analytics-service");
            assertThat(header(record, CloudEvents.ID)).isEqualTo(event.eventId().toString());
            assertThat(header(record, CloudEvents.SPECVERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(event.occurredAt()).isEqualTo(NOW.plus(INTERVAL));
        }
    }

    @Test
    void aListThatDidNotChangeIsNotPublishedAgain() {
        constructedBaskets();
        books.publish(bookAdded("Z", "Z", "Fiction", 3_000));
        books.publish(new BookDiscontinued(UUID.randomUUID(), NOW, "Z"));
        afterAnInterval();
        afterAnInterval();

        // A late line of a discontinued book touches fiction, whose list leaves the book out; nobody else changes.
        sales.publish(sale("order-late", "Z", 3, 3_000, null, NOW));

        assertThat(afterAnInterval()).isEmpty();
        assertThat(afterAnInterval()).isEmpty();
    }

    @Test
    void aDiscontinuedBookLeavesTheListsItWasInByTheNextDay() {
        constructedBaskets();
        afterAnInterval();
        afterAnInterval();

        books.publish(new BookDiscontinued(UUID.randomUUID(), NOW, "D"));
        assertThat(afterAnInterval()).isEmpty();
        driver.advanceWallClockTime(Duration.ofDays(1));
        Map<String, RecommendationsComputed> nextDay = afterAnInterval();
        nextDay.putAll(afterAnInterval());

        assertThat(nextDay.get("book:A").books()).containsExactly(new RecommendedBook("B", 0.5477, 3));
        assertThat(nextDay.get("customer:" + customer(1)).books())
                .extracting(RecommendedBook::bookId)
                .containsExactly("C", "E");
        assertThat(nextDay.get("category:History").books()).isEmpty();
        // D's own list has not changed: A is still bought with it.
        assertThat(nextDay).doesNotContainKey("book:D");
    }

    @Test
    void eachIntervalPublishesABoundedBatchAndTheRestOnTheNext() {
        start(2);
        for (String category : List.of("Art", "Biography", "Cooking", "Drama", "Essays")) {
            books.publish(bookAdded(category + "-book", category, category, 3_000));
            sales.publish(sale("order-" + category, category + "-book", 1, 3_000, null, NOW));
        }

        List<Integer> categoriesPerInterval = new ArrayList<>();
        for (int interval = 0; interval < 4; interval++) {
            categoriesPerInterval.add((int) afterAnInterval().keySet().stream()
                    .filter(subject -> subject.startsWith("category:"))
                    .count());
        }

        assertThat(categoriesPerInterval).containsExactly(2, 2, 1, 0);
    }

    /** What one publishing interval publishes, by subject. */
    private Map<String, RecommendationsComputed> afterAnInterval() {
        driver.advanceWallClockTime(INTERVAL);
        Map<String, RecommendationsComputed> published = new LinkedHashMap<>();
        for (TestRecord<String, byte[]> record : recommendations.readRecordsToList()) {
            RecommendationsComputed event =
                    (RecommendationsComputed) CODEC.decode(Topics.RECOMMENDATIONS, record.headers(), record.value());
            assertThat(published).as("one record per subject and interval").doesNotContainKey(event.subject());
            published.put(event.subject(), event);
        }
        return published;
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
