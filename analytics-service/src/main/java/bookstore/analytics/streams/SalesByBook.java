package bookstore.analytics.streams;

import bookstore.events.Topics;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
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

    /** The repartition topic (prefixed by the application id) that moves each line to its book's owner. */
    public static final String BY_BOOK = "sales-by-book";

    public static final char SEPARATOR = '|';

    /** As many as the sales topics have. */
    public static final int PARTITIONS = Topics.SALES_EVENTS.partitions();

    private SalesByBook() {}

    public static void build(StreamsBuilder builder, KStream<String, SaleLine> saleLines, ShopCalendar calendar) {
        for (String store : new String[] {BOOK_DAYS, DAY_BOOKS, MONTH_BOOKS}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(store), Serdes.String(), JsonSerde.of(Figures.class)));
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LAST_SALES), Serdes.String(), JsonSerde.of(LocalDate.class)));
        saleLines
                .selectKey((order, line) -> line.bookId())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(SaleLine.class))
                        .withName(BY_BOOK)
                        .withNumberOfPartitions(PARTITIONS))
                .process(() -> new Counting(calendar), BOOK_DAYS, DAY_BOOKS, MONTH_BOOKS, LAST_SALES);
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

    private static final class Counting implements Processor<String, SaleLine, Void, Void> {

        private final ShopCalendar calendar;
        private KeyValueStore<String, Figures> bookDays;
        private KeyValueStore<String, Figures> dayBooks;
        private KeyValueStore<String, Figures> monthBooks;
        private KeyValueStore<String, LocalDate> lastSales;

        Counting(ShopCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
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
        }

        private static void add(KeyValueStore<String, Figures> store, String key, Figures sale) {
            Figures known = store.get(key);
            store.put(key, known == null ? sale : known.plus(sale));
        }
    }
}
