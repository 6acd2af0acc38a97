package bookstore.analytics.streams;

import static bookstore.analytics.streams.TestRecords.customer;
import static bookstore.analytics.streams.TestRecords.sale;
import static org.assertj.core.api.Assertions.assertThat;

import bookstore.analytics.forecast.DemandForecaster;
import bookstore.analytics.forecast.Forecast;
import bookstore.events.Money;
import bookstore.events.Topics;
import bookstore.events.analytics.SaleImported;
import bookstore.events.catalog.BookDiscontinued;
import bookstore.events.catalog.BookPriceChanged;
import bookstore.events.catalog.BookUpdated;
import bookstore.events.inventory.StockLevelChanged;
import bookstore.events.order.OrderCancelled;
import bookstore.events.order.OrderConfirmed;
import bookstore.events.order.OrderLine;
import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRejected;
import bookstore.events.order.SaleRecorded;
import bookstore.events.order.SaleReturned;
import bookstore.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The analytics aggregates, fed the shop's events as its services publish them. */
class AnalyticsTopologyTests {

    private static final ShopCalendar SHANGHAI = new ShopCalendar(ZoneId.of("Asia/Shanghai"));
    // 17:30 UTC on 10 November is already the 11th in Shanghai.
    private static final Instant SINGLES_DAY = Instant.parse("2024-11-10T17:30:00Z");
    private static final Instant NEXT_WEEK = Instant.parse("2024-11-18T04:00:00Z");

    private TopologyTestDriver driver;
    private TestRecords.EventInput<bookstore.events.order.SalesEvent> sales;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        AnalyticsTopology.compose(builder, SHANGHAI, Demand.DEFAULTS);
        driver = new TopologyTestDriver(builder.build(), TestRecords.driverSettings());
        sales = TestRecords.input(driver, Topics.SALES_EVENTS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsEachBooksSalesPerDayOnTheShopsCalendarByBookByDayAndByMonth() {
        sales.publish(
                sale("order-1", "book-a", 2, 3_000, customer(1), SINGLES_DAY),
                sale("order-1", "book-b", 1, 5_000, customer(1), SINGLES_DAY),
                sale("order-2", "book-a", 1, 3_000, customer(2), SINGLES_DAY),
                sale("order-3", "book-a", 4, 2_500, customer(3), NEXT_WEEK));

        LocalDate eleventh = LocalDate.of(2024, 11, 11);
        assertThat(figures(SalesByBook.BOOK_DAYS).get(SalesByBook.bookDayKey("book-a", eleventh)))
                .isEqualTo(new Figures(3, 9_000, 2, 0));
        assertThat(figures(SalesByBook.DAY_BOOKS).get(SalesByBook.dayBookKey(eleventh, "book-b")))
                .isEqualTo(new Figures(1, 5_000, 1, 0));
        assertThat(figures(SalesByBook.MONTH_BOOKS).get(SalesByBook.monthBookKey(YearMonth.of(2024, 11), "book-a")))
                .isEqualTo(new Figures(7, 19_000, 3, 0));
        assertThat(figures(SalesByBook.BOOK_DAYS).get(SalesByBook.bookDayKey("book-a", LocalDate.of(2024, 11, 10))))
                .isNull();
    }

    @Test
    void countsAnEventOnceHoweverOftenItArrivesAndImportedSalesLikeLiveOnes() {
        SaleRecorded sale = sale("order-1", "book-a", 2, 3_000, customer(1), SINGLES_DAY);
        sales.publish(sale, sale);
        SaleImported past = new SaleImported(
                UUID.nameUUIDFromBytes("import-1/line-1".getBytes()),
                Instant.parse("2025-01-02T00:00:00Z"),
                "import:A-1",
                "import-1",
                "book-a",
                "9787536692930",
                5,
                new Money(2_000, "CNY"),
                customer(9),
                SINGLES_DAY);
        var imports = TestRecords.input(driver, Topics.SALES_IMPORTS);
        imports.publish(past, past);

        assertThat(figures(SalesByBook.BOOK_DAYS).get(SalesByBook.bookDayKey("book-a", LocalDate.of(2024, 11, 11))))
                .isEqualTo(new Figures(7, 16_000, 2, 0));
        assertThat(shopDay(LocalDate.of(2024, 11, 11))).isEqualTo(new ShopDay(2, new Figures(7, 16_000, 2, 0)));
    }

    /**
     * Sales come in any order: a title's newest sale first and its older days after (as the tests' traffic, a
     * replay across partitions or an import bring them). The forecast made in between is brought up to date by the
     * older days, though they do not change the title's last sale.
     */
    @Test
    void aStoredForecastIsMadeAgainWhenOlderSalesArriveAfterIt() {
        Instant now = Instant.now();
        sales.publish(sale("order-0", "book-a", 2, 3_000, customer(1), now.minus(Duration.ofDays(1))));
        driver.advanceWallClockTime(Demand.DEFAULTS.interval().plusSeconds(1));
        KeyValueStore<String, SalesByBook.StoredForecast> forecasts = driver.getKeyValueStore(SalesByBook.FORECASTS);
        double fromOneDay = forecasts.get("book-a").forecast().mean()[0];

        for (int day = 2; day <= 56; day++) {
            sales.publish(sale("order-" + day, "book-a", 2, 3_000, customer(1), now.minus(Duration.ofDays(day))));
        }
        driver.advanceWallClockTime(Demand.DEFAULTS.interval().plusSeconds(1));

        SalesByBook.StoredForecast stored = forecasts.get("book-a");
        Forecast fromEveryDay = Demand.DEFAULTS.forecast(
                new DemandForecaster(DemandForecaster.Settings.defaults()),
                Demand.units(SalesByBook.days(driver.getKeyValueStore(SalesByBook.BOOK_DAYS), "book-a")),
                stored.computedOn());
        assertThat(stored.forecast().mean()).containsExactly(fromEveryDay.mean());
        assertThat(stored.forecast().mean()[0]).isGreaterThan(fromOneDay).isBetween(10.0, 18.0);
    }

    @Test
    void theShopsDayCountsOrdersOnceAndReturnsSubtractOnTheDayTheyCameBack() {
        sales.publish(
                sale("order-1", "book-a", 2, 3_000, customer(1), SINGLES_DAY),
                sale("order-1", "book-b", 1, 5_000, customer(1), SINGLES_DAY),
                sale("order-2", "book-b", 1, 5_000, customer(2), SINGLES_DAY));
        sales.publish(new SaleReturned(
                UUID.randomUUID(),
                NEXT_WEEK,
                "order-1",
                "return-1",
                "book-a",
                1,
                new Money(3_000, "CNY"),
                customer(1),
                NEXT_WEEK));

        assertThat(shopDay(LocalDate.of(2024, 11, 11))).isEqualTo(new ShopDay(2, new Figures(4, 16_000, 3, 0)));
        assertThat(shopDay(LocalDate.of(2024, 11, 18))).isEqualTo(new ShopDay(0, new Figures(-1, -3_000, 0, 1)));
        assertThat(figures(SalesByBook.BOOK_DAYS).get(SalesByBook.bookDayKey("book-a", LocalDate.of(2024, 11, 18))))
                .isEqualTo(new Figures(-1, -3_000, 0, 1));
    }

    @Test
    void keepsEachCustomersOrdersWithTheirNetRevenue() {
        sales.publish(
                sale("order-1", "book-a", 2, 3_000, customer(1), SINGLES_DAY),
                sale("order-1", "book-b", 1, 5_000, customer(1), SINGLES_DAY),
                sale("order-2", "book-b", 1, 5_000, customer(1), NEXT_WEEK),
                sale("order-3", "book-b", 1, 5_000, customer(2), NEXT_WEEK));
        sales.publish(new SaleReturned(
                UUID.randomUUID(),
                NEXT_WEEK,
                "order-1",
                "return-1",
                "book-a",
                1,
                new Money(3_000, "CNY"),
                customer(1),
                NEXT_WEEK));

        KeyValueStore<String, CustomerHistory> customers = driver.getKeyValueStore(CustomerHistories.CUSTOMERS);
        assertThat(customers.get(customer(1)).orders())
                .containsExactly(
                        new CustomerHistory.Order("order-1", LocalDate.of(2024, 11, 11), 8_000),
                        new CustomerHistory.Order("order-2", LocalDate.of(2024, 11, 18), 5_000));
        assertThat(customers.get(customer(2)).orders()).hasSize(1);
    }

    @Test
    void countsWhatBecameOfOrdersByTheDayTheyWerePlacedWithReasonKinds() {
        var orders = TestRecords.input(driver, Topics.ORDER_EVENTS);
        Money total = new Money(3_000, "CNY");
        List<OrderLine> lines = List.of(new OrderLine("book-a", 1, total));
        orders.publish(
                new OrderPlaced(UUID.randomUUID(), SINGLES_DAY, "order-1", customer(1), lines, total),
                new OrderPlaced(UUID.randomUUID(), SINGLES_DAY, "order-2", customer(2), lines, total),
                new OrderPlaced(UUID.randomUUID(), SINGLES_DAY, "order-3", customer(3), lines, total),
                new OrderPlaced(UUID.randomUUID(), SINGLES_DAY, "order-4", customer(4), lines, total));
        OrderConfirmed confirmed = new OrderConfirmed(UUID.randomUUID(), SINGLES_DAY, "order-1", total);
        orders.publish(
                confirmed,
                confirmed,
                new OrderRejected(UUID.randomUUID(), NEXT_WEEK, "order-2", "insufficient stock"),
                new OrderCancelled(UUID.randomUUID(), NEXT_WEEK, "order-3", "payment failed: card declined"),
                new OrderCancelled(UUID.randomUUID(), NEXT_WEEK, "order-4", "timeout"));

        KeyValueStore<String, OrderDay> days = driver.getKeyValueStore(OrderOutcomes.ORDER_DAYS);
        OrderDay eleventh = days.get(ShopCalendar.dayKey(LocalDate.of(2024, 11, 11)));
        assertThat(eleventh.placed()).isEqualTo(4);
        assertThat(eleventh.confirmed()).isEqualTo(1);
        assertThat(eleventh.rejected()).isEqualTo(1);
        assertThat(eleventh.cancelled()).isEqualTo(2);
        assertThat(eleventh.rejectionReasons()).isEqualTo(Map.of("insufficient stock", 1L));
        assertThat(eleventh.cancellationReasons()).isEqualTo(Map.of("payment failed", 1L, "timeout", 1L));
        assertThat(days.get(ShopCalendar.dayKey(LocalDate.of(2024, 11, 18)))).isNull();
    }

    @Test
    void countsRegistrationsPerDayWithoutKeepingAccountIds() {
        var users = TestRecords.input(driver, Topics.USER_EVENTS);
        UserRegistered first = new UserRegistered(UUID.randomUUID(), SINGLES_DAY, "account-1");
        users.publish(first, first, new UserRegistered(UUID.randomUUID(), SINGLES_DAY, "account-2"));

        KeyValueStore<String, Long> days = driver.getKeyValueStore(Registrations.REGISTRATION_DAYS);
        assertThat(days.get(ShopCalendar.dayKey(LocalDate.of(2024, 11, 11)))).isEqualTo(2);
        Map<String, Long> everything = new HashMap<>();
        for (String store : List.of(Registrations.REGISTRATION_DAYS, Registrations.REGISTRATIONS_SEEN)) {
            KeyValueStore<String, Long> kept = driver.getKeyValueStore(store);
            kept.all().forEachRemaining(entry -> everything.put(entry.key, entry.value));
        }
        assertThat(everything.keySet()).noneMatch(key -> key.startsWith("account-"));
    }

    @Test
    void keepsEveryBooksDimensionsAndLatestStockInGlobalStores() {
        var books = TestRecords.input(driver, Topics.CATALOG_BOOKS);
        books.publish(TestRecords.bookAdded("book-a", "三体", "Science Fiction", 2_300));
        var stock = TestRecords.input(driver, Topics.INVENTORY_STOCK);
        stock.publish(
                new StockLevelChanged(UUID.randomUUID(), SINGLES_DAY, "book-a", 10, 2, 8, 5),
                new StockLevelChanged(UUID.randomUUID(), SINGLES_DAY, "book-a", 12, 0, 12, 4));

        KeyValueStore<String, BookFacts> facts = driver.getKeyValueStore(StoreNames.BOOKS);
        assertThat(facts.get("book-a").mainCategory()).isEqualTo("Science Fiction");
        assertThat(facts.get("book-a").publisher()).isEqualTo("Publisher of 三体");
        KeyValueStore<String, StockLevel> levels = driver.getKeyValueStore(StoreNames.STOCK);
        assertThat(levels.get("book-a").available()).isEqualTo(8);
    }

    @Test
    void keepsWhatACatalogueRevisionDoesNotSayAndFollowsPricesAndDiscontinuation() {
        var books = TestRecords.input(driver, Topics.CATALOG_BOOKS);
        books.publish(TestRecords.bookAdded("book-a", "三体", "Science Fiction", 2_300));
        // A version 1 revision names neither publisher nor categories.
        books.publish(new BookUpdated(
                UUID.randomUUID(), SINGLES_DAY, "book-a", "9787536692930", "三体（典藏版）", List.of("刘慈欣"), null, null));
        books.publish(new BookPriceChanged(
                UUID.randomUUID(), SINGLES_DAY, "book-a", new Money(2_300, "CNY"), new Money(2_800, "CNY")));

        KeyValueStore<String, BookFacts> facts = driver.getKeyValueStore(StoreNames.BOOKS);
        BookFacts revised = facts.get("book-a");
        assertThat(revised.title()).isEqualTo("三体（典藏版）");
        assertThat(revised.categories()).containsExactly("Science Fiction");
        assertThat(revised.publisher()).isEqualTo("Publisher of 三体");
        assertThat(revised.price()).isEqualTo(2_800);
        assertThat(revised.discontinued()).isFalse();

        books.publish(new BookUpdated(
                UUID.randomUUID(), SINGLES_DAY, "book-a", "9787536692930", "三体", List.of("刘慈欣"), "重庆出版社", List.of()));
        books.publish(new BookDiscontinued(UUID.randomUUID(), SINGLES_DAY, "book-a"));
        assertThat(facts.get("book-a").mainCategory()).isEqualTo(BookFacts.UNCATEGORISED);
        assertThat(facts.get("book-a").publisher()).isEqualTo("重庆出版社");
        assertThat(facts.get("book-a").discontinued()).isTrue();
    }

    private KeyValueStore<String, Figures> figures(String store) {
        return driver.getKeyValueStore(store);
    }

    private ShopDay shopDay(LocalDate day) {
        KeyValueStore<String, ShopDay> days = driver.getKeyValueStore(OrderFigures.SHOP_DAYS);
        return days.get(ShopCalendar.dayKey(day));
    }
}
