package bookstore.analytics.recommend;

import bookstore.analytics.streams.SaleLine;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Bestsellers per category over a sliding window, on the categories' partitions: copies sold (net of returns) in
 * the last {@code window} days of the shop's calendar, today included, per book's main category, published as
 * {@code category:<name>} lists of kind {@code CATEGORY_BESTSELLERS}.
 *
 * <p>The sale day is in the key, not in a windowed store: imported history arrives years late, and counts where it
 * falls. Each day's copies are kept per category and book until the day leaves the window, and a running total per
 * category and book is what a list is ranked from. Once a day (the first pass after the shop's midnight) the days
 * that left the window are taken off the totals and deleted, and their categories published again.
 */
final class CategoryBestsellers implements Processor<String, CategoryBestsellers.CategorySale, String, byte[]> {

    static final String KIND = "CATEGORY_BESTSELLERS";
    static final String PREFIX = "category:";
    private static final StringSerializer KEYS = new StringSerializer();

    /** Copies of a book sold (negative: returned) at a time, keyed by the book's main category. */
    record CategorySale(String bookId, int quantity, Instant at) {}

    /** Files each sale line under its book's main category, as the catalogue knows it at the time of the line. */
    static final class Filing extends ContextualProcessor<String, SaleLine, String, CategorySale> {

        private Catalogue catalogue;

        @Override
        public void init(ProcessorContext<String, CategorySale> context) {
            super.init(context);
            catalogue = new Catalogue(context);
        }

        @Override
        public void process(Record<String, SaleLine> record) {
            SaleLine line = record.value();
            if (line.bookId() != null && line.at() != null) {
                context()
                        .forward(new Record<>(
                                catalogue.mainCategory(line.bookId()),
                                new CategorySale(line.bookId(), line.quantity(), line.at()),
                                record.timestamp()));
            }
        }
    }

    private final ShopCalendar calendar;
    private final RecommendationSettings settings;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Long> days;
    private KeyValueStore<String, Long> totals;
    private Catalogue catalogue;
    private Publishing publishing;
    private LocalDate refreshedOn;

    CategoryBestsellers(ShopCalendar calendar, RecommendationSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        days = context.getStateStore(RecommendStores.CATEGORY_DAYS);
        totals = context.getStateStore(RecommendStores.CATEGORY_TOTALS);
        catalogue = new Catalogue(context);
        publishing =
                Publishing.start(context, RecommendStores.CATEGORIES, KIND, settings, this::moveWindow, this::compute);
    }

    @Override
    public void process(Record<String, CategorySale> record) {
        String category = record.key();
        CategorySale sale = record.value();
        LocalDate day = calendar.day(sale.at());
        if (!inWindow(day, today(context.currentSystemTimeMs()))) {
            return;
        }
        String dayKey = ShopCalendar.dayKey(day);
        RecommendStores.add(
                days, dayKey + RecommendStores.SEP + category + RecommendStores.SEP + sale.bookId(), sale.quantity());
        RecommendStores.add(totals, category + RecommendStores.SEP + sale.bookId(), sale.quantity());
        publishing.mark(PREFIX + category, 1);
    }

    /** On the first pass of a new day of the shop's calendar, the day that left the window goes. */
    private void moveWindow(long now) {
        LocalDate today = today(now);
        if (!today.equals(refreshedOn)) {
            forgetDaysBefore(today.minusDays(settings.windowDays() - 1L));
            refreshedOn = today;
        }
    }

    /** The window's days: the last {@code window} of the shop's calendar, today included. */
    private boolean inWindow(LocalDate day, LocalDate today) {
        return !day.isBefore(today.minusDays(settings.windowDays() - 1L));
    }

    private void forgetDaysBefore(LocalDate first) {
        List<KeyValue<String, Long>> old = new ArrayList<>();
        // Day keys sort as the days follow each other: every key of an earlier day is below the first day's key, and
        // every key of that day above it.
        try (KeyValueIterator<String, Long> before = days.range(null, ShopCalendar.dayKey(first))) {
            before.forEachRemaining(old::add);
        }
        Set<String> categories = new HashSet<>();
        for (KeyValue<String, Long> entry : old) {
            String categoryAndBook = entry.key.substring(entry.key.indexOf(RecommendStores.SEP) + 1);
            RecommendStores.add(totals, categoryAndBook, -entry.value);
            days.delete(entry.key);
            categories.add(categoryAndBook.substring(0, categoryAndBook.indexOf(RecommendStores.SEP)));
        }
        categories.forEach(category -> publishing.mark(PREFIX + category, 1));
    }

    private Published compute(String subject) {
        String prefix = subject.substring(PREFIX.length()) + RecommendStores.SEP;
        List<RecommendedBook> sold = new ArrayList<>();
        try (KeyValueIterator<String, Long> books = totals.prefixScan(prefix, KEYS)) {
            books.forEachRemaining(entry -> {
                String book = entry.key.substring(prefix.length());
                if (entry.value > 0 && catalogue.recommendable(book)) {
                    sold.add(new RecommendedBook(book, entry.value, entry.value));
                }
            });
        }
        return Published.of(Ranking.top(sold, settings.listSize()));
    }

    private LocalDate today(long now) {
        return calendar.today(Instant.ofEpochMilli(now));
    }
}
