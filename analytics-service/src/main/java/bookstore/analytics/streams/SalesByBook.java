package bookstore.analytics.streams;

import bookstore.analytics.forecast.DemandForecaster;
import bookstore.analytics.forecast.Forecast;
import bookstore.events.Topics;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Sales per book per day, kept three ways on the instance that owns the book (the lines are repartitioned by book
 * id): by book then day (a title's history, for its forecast and its last sale), by day then book (every title's
 * figures over a few days) and by month then book (over long ranges, with days only at the edges).
 */
public final class SalesByBook {

    /** {@code <bookId>|<yyyyMMdd>} → the book's figures that day. */
    public static final String BOOK_DAYS = "book-days";

    /** {@code <yyyyMMdd>|<bookId>} → the same figures, by day first. */
    public static final String DAY_BOOKS = "day-books";

    /** {@code <yyyyMM>|<bookId>} → the book's figures that month. */
    public static final String MONTH_BOOKS = "month-books";

    /** {@code <bookId>} → the last day it sold a copy. */
    public static final String LAST_SALES = "book-last-sales";

    /** {@code <bookId>} → its latest demand forecast, brought up to date after it sells and every new week. */
    public static final String FORECASTS = "book-forecasts";

    /**
     * {@code <bookId>} → present while the book's figures changed since its forecast was made: sales and returns
     * arrive in any order (an import brings old days after new ones), so the last sale's day cannot tell.
     */
    public static final String FORECASTS_DUE = "book-forecasts-due";

    /** The repartition topic (prefixed by the application id) that moves each line to its book's owner. */
    public static final String BY_BOOK = "sales-by-book";

    public static final char SEPARATOR = '|';

    /** As many as the sales topics have. */
    public static final int PARTITIONS = Topics.SALES_EVENTS.partitions();

    private SalesByBook() {}

    /**
     * A book's stored forecast.
     *
     * @param computedOn the day it was made
     * @param lastSale the book's last sale it knew of
     */
    public record StoredForecast(String bookId, LocalDate computedOn, LocalDate lastSale, Forecast forecast) {}

    public static void build(
            StreamsBuilder builder, KStream<String, SaleLine> saleLines, ShopCalendar calendar, Demand demand) {
        for (String store : new String[] {BOOK_DAYS, DAY_BOOKS, MONTH_BOOKS}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(store), Serdes.String(), JsonSerde.of(Figures.class)));
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LAST_SALES), Serdes.String(), JsonSerde.of(LocalDate.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FORECASTS), Serdes.String(), JsonSerde.of(StoredForecast.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FORECASTS_DUE), Serdes.String(), JsonSerde.of(Boolean.class)));
        saleLines
                .selectKey((order, line) -> line.bookId())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(SaleLine.class))
                        .withName(BY_BOOK)
                        .withNumberOfPartitions(PARTITIONS))
                .process(
                        () -> new Counting(calendar, demand),
                        BOOK_DAYS,
                        DAY_BOOKS,
                        MONTH_BOOKS,
                        LAST_SALES,
                        FORECASTS,
                        FORECASTS_DUE);
    }

    public static String bookDayKey(String bookId, LocalDate day) {
        return bookId + SEPARATOR + ShopCalendar.dayKey(day);
    }

    public static String dayBookKey(LocalDate day, String bookId) {
        return ShopCalendar.dayKey(day) + SEPARATOR + bookId;
    }

    public static String monthBookKey(YearMonth month, String bookId) {
        return ShopCalendar.monthKey(month) + SEPARATOR + bookId;
    }

    /** The part of a {@code <time>|<bookId>} or {@code <bookId>|<time>} key after the separator. */
    public static String afterSeparator(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    public static String beforeSeparator(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    /** A book's copies per day, from its {@code <bookId>|<day>} entries. */
    public static SortedMap<LocalDate, Figures> days(ReadOnlyKeyValueStore<String, Figures> bookDays, String bookId) {
        SortedMap<LocalDate, Figures> series = new TreeMap<>();
        try (KeyValueIterator<String, Figures> entries = bookDays.range(bookId + SEPARATOR, bookId + SEPARATOR + "~")) {
            entries.forEachRemaining(
                    entry -> series.put(ShopCalendar.parseDayKey(afterSeparator(entry.key)), entry.value));
        }
        return series;
    }

    private static final class Counting implements Processor<String, SaleLine, Void, Void> {

        private final ShopCalendar calendar;
        private final Demand demand;
        private final DemandForecaster forecaster = new DemandForecaster(DemandForecaster.Settings.defaults());
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, StoredForecast> forecasts;
        private KeyValueStore<String, Boolean> forecastsDue;
        private KeyValueStore<String, Figures> bookDays;
        private KeyValueStore<String, Figures> dayBooks;
        private KeyValueStore<String, Figures> monthBooks;
        private KeyValueStore<String, LocalDate> lastSales;

        Counting(ShopCalendar calendar, Demand demand) {
            this.calendar = calendar;
            this.demand = demand;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            forecasts = context.getStateStore(FORECASTS);
            forecastsDue = context.getStateStore(FORECASTS_DUE);
            context.schedule(demand.interval(), PunctuationType.WALL_CLOCK_TIME, this::updateForecasts);
            bookDays = context.getStateStore(BOOK_DAYS);
            dayBooks = context.getStateStore(DAY_BOOKS);
            monthBooks = context.getStateStore(MONTH_BOOKS);
            lastSales = context.getStateStore(LAST_SALES);
        }

        @Override
        public void process(Record<String, SaleLine> record) {
            SaleLine line = record.value();
            LocalDate day = calendar.day(line.at());
            Figures sale = Figures.of(line);
            add(bookDays, bookDayKey(line.bookId(), day), sale);
            add(dayBooks, dayBookKey(day, line.bookId()), sale);
            add(monthBooks, monthBookKey(YearMonth.from(day), line.bookId()), sale);
            LocalDate last = lastSales.get(line.bookId());
            if (!line.isReturn() && (last == null || last.isBefore(day))) {
                lastSales.put(line.bookId(), day);
            }
            forecastsDue.put(line.bookId(), Boolean.TRUE);
        }

        /**
         * Brings stale forecasts up to date, for as long as the budget allows: a book's forecast is stale when its
         * figures changed since (a sale or a return of any day, in whatever order they came), or when a new week
         * began. Books left over wait for the next round.
         */
        private void updateForecasts(long now) {
            LocalDate today = calendar.day(java.time.Instant.ofEpochMilli(now));
            LocalDate thisWeek =
                    today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            long deadline = System.nanoTime() + demand.budget().toNanos();
            try (KeyValueIterator<String, LocalDate> books = lastSales.all()) {
                while (books.hasNext() && System.nanoTime() < deadline) {
                    var book = books.next();
                    StoredForecast stored = forecasts.get(book.key);
                    boolean stale = stored == null
                            || forecastsDue.get(book.key) != null
                            || stored.computedOn().isBefore(thisWeek);
                    if (stale) {
                        Forecast forecast = demand.forecast(forecaster, Demand.units(days(bookDays, book.key)), today);
                        forecasts.put(book.key, new StoredForecast(book.key, today, book.value, forecast));
                        forecastsDue.delete(book.key);
                    }
                }
            }
        }

        private static void add(KeyValueStore<String, Figures> store, String key, Figures sale) {
            Figures known = store.get(key);
            store.put(key, known == null ? sale : known.plus(sale));
        }
    }
}
