package bookstore.analytics.query;

import bookstore.analytics.streams.CustomerHistories;
import bookstore.analytics.streams.CustomerHistory;
import bookstore.analytics.streams.Figures;
import bookstore.analytics.streams.OrderDay;
import bookstore.analytics.streams.OrderFigures;
import bookstore.analytics.streams.OrderOutcomes;
import bookstore.analytics.streams.Registrations;
import bookstore.analytics.streams.SalesByBook;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.analytics.streams.ShopDay;
import bookstore.events.Topics;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Every question the reports ask of the stores, by name: the instances answer each other's by these names.
 * Ranges are given as parameters {@code from} and {@code to} (inclusive), days as {@code 2026-12-07} and months as
 * {@code 2026-12}.
 */
public final class Questions {

    /** After every book id and every day key: the upper end of a prefix range. */
    private static final String AFTER = "~";

    /** Each book's figures over a range of days. */
    public static final Gathered<Figures, Map<String, Figures>> BOOK_FIGURES_BY_DAY = new Gathered<>(
            "book-figures-by-day",
            SalesByBook.DAY_BOOKS,
            SalesByBook.PARTITIONS,
            (store, parameters, globals) -> figuresByBook(
                    store,
                    ShopCalendar.dayKey(LocalDate.parse(parameters.get("from"))),
                    ShopCalendar.dayKey(LocalDate.parse(parameters.get("to")))),
            Questions::sumByKey,
            Map.of(),
            new ParameterizedTypeReference<>() {});

    /** Each book's figures over a range of whole months. */
    public static final Gathered<Figures, Map<String, Figures>> BOOK_FIGURES_BY_MONTH = new Gathered<>(
            "book-figures-by-month",
            SalesByBook.MONTH_BOOKS,
            SalesByBook.PARTITIONS,
            (store, parameters, globals) -> figuresByBook(
                    store,
                    ShopCalendar.monthKey(YearMonth.parse(parameters.get("from"))),
                    ShopCalendar.monthKey(YearMonth.parse(parameters.get("to")))),
            Questions::sumByKey,
            Map.of(),
            new ParameterizedTypeReference<>() {});

    /** The last day each book sold a copy. */
    public static final Gathered<LocalDate, Map<String, LocalDate>> LAST_SALES = new Gathered<>(
            "last-sales",
            SalesByBook.LAST_SALES,
            SalesByBook.PARTITIONS,
            (store, parameters, globals) -> {
                Map<String, LocalDate> last = new HashMap<>();
                try (KeyValueIterator<String, LocalDate> entries = store.all()) {
                    entries.forEachRemaining(entry -> last.put(entry.key, entry.value));
                }
                return last;
            },
            (one, other) -> {
                Map<String, LocalDate> both = new HashMap<>(one);
                other.forEach((book, day) -> both.merge(book, day, (a, b) -> a.isAfter(b) ? a : b));
                return both;
            },
            Map.of(),
            new ParameterizedTypeReference<>() {});

    /** The shop's figures per day. */
    public static final Gathered<ShopDay, SortedMap<LocalDate, ShopDay>> SHOP_DAYS = new Gathered<>(
            "shop-days",
            OrderFigures.SHOP_DAYS,
            OrderFigures.PARTITIONS,
            (store, parameters, globals) -> days(store, parameters),
            (one, other) -> sumByDay(one, other, ShopDay::plus),
            new TreeMap<>(),
            new ParameterizedTypeReference<>() {});

    /** What became of the orders placed each day. */
    public static final Gathered<OrderDay, SortedMap<LocalDate, OrderDay>> ORDER_DAYS = new Gathered<>(
            "order-days",
            OrderOutcomes.ORDER_DAYS,
            Topics.ORDER_EVENTS.partitions(),
            (store, parameters, globals) -> days(store, parameters),
            (one, other) -> sumByDay(one, other, OrderDay::plus),
            new TreeMap<>(),
            new ParameterizedTypeReference<>() {});

    /** Accounts opened each day. */
    public static final Gathered<Long, SortedMap<LocalDate, Long>> REGISTRATION_DAYS = new Gathered<>(
            "registration-days",
            Registrations.REGISTRATION_DAYS,
            Topics.USER_EVENTS.partitions(),
            (store, parameters, globals) -> days(store, parameters),
            (one, other) -> sumByDay(one, other, Long::sum),
            new TreeMap<>(),
            new ParameterizedTypeReference<>() {});

    /** Every customer's order history (pseudonymous). */
    public static final Gathered<CustomerHistory, List<CustomerHistory>> CUSTOMERS = new Gathered<>(
            "customers",
            CustomerHistories.CUSTOMERS,
            OrderFigures.PARTITIONS,
            (store, parameters, globals) -> {
                List<CustomerHistory> all = new ArrayList<>();
                try (KeyValueIterator<String, CustomerHistory> entries = store.all()) {
                    entries.forEachRemaining(entry -> all.add(entry.value));
                }
                return all;
            },
            (one, other) -> {
                List<CustomerHistory> both = new ArrayList<>(one);
                both.addAll(other);
                return both;
            },
            List.of(),
            new ParameterizedTypeReference<>() {});

    /** One book's figures per day, from the instance that holds the book. */
    public static final Keyed<Figures, SortedMap<LocalDate, Figures>> BOOK_SERIES = new Keyed<>(
            "book-series",
            SalesByBook.BOOK_DAYS,
            (store, bookId, parameters) -> SalesByBook.days(store, bookId),
            new ParameterizedTypeReference<>() {});

    /** Copies per day of every book in one category (its main one), over a range of days. */
    public static final Gathered<Figures, SortedMap<LocalDate, Long>> CATEGORY_DAYS = new Gathered<>(
            "category-days",
            SalesByBook.DAY_BOOKS,
            SalesByBook.PARTITIONS,
            (store, parameters, globals) -> {
                String category = parameters.get("category");
                SortedMap<LocalDate, Long> days = new TreeMap<>();
                try (KeyValueIterator<String, Figures> entries = store.range(
                        ShopCalendar.dayKey(LocalDate.parse(parameters.get("from"))) + SalesByBook.SEPARATOR,
                        ShopCalendar.dayKey(LocalDate.parse(parameters.get("to"))) + SalesByBook.SEPARATOR + AFTER)) {
                    entries.forEachRemaining(entry -> {
                        String bookId = SalesByBook.afterSeparator(entry.key);
                        boolean inCategory = globals.book(bookId)
                                .map(book -> book.mainCategory().equals(category))
                                .orElse(false);
                        if (inCategory) {
                            days.merge(
                                    ShopCalendar.parseDayKey(SalesByBook.beforeSeparator(entry.key)),
                                    entry.value.units(),
                                    Long::sum);
                        }
                    });
                }
                return days;
            },
            (one, other) -> sumByDay(one, other, Long::sum),
            new TreeMap<>(),
            new ParameterizedTypeReference<>() {});

    /** Every book's stored forecast. */
    public static final Gathered<SalesByBook.StoredForecast, Map<String, SalesByBook.StoredForecast>> FORECASTS =
            new Gathered<>(
                    "forecasts",
                    SalesByBook.FORECASTS,
                    SalesByBook.PARTITIONS,
                    (store, parameters, globals) -> {
                        Map<String, SalesByBook.StoredForecast> all = new HashMap<>();
                        try (KeyValueIterator<String, SalesByBook.StoredForecast> entries = store.all()) {
                            entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
                        }
                        return all;
                    },
                    (one, other) -> {
                        Map<String, SalesByBook.StoredForecast> both = new HashMap<>(one);
                        both.putAll(other);
                        return both;
                    },
                    Map.of(),
                    new ParameterizedTypeReference<>() {});

    /** One customer's history, from the instance that holds the pseudonym. */
    public static final Keyed<CustomerHistory, CustomerHistory> CUSTOMER = new Keyed<>(
            "customer",
            CustomerHistories.CUSTOMERS,
            (store, customer, parameters) -> store.get(customer),
            new ParameterizedTypeReference<>() {});

    private static final List<Gathered<?, ?>> GATHERED = List.of(
            BOOK_FIGURES_BY_DAY,
            BOOK_FIGURES_BY_MONTH,
            LAST_SALES,
            SHOP_DAYS,
            ORDER_DAYS,
            REGISTRATION_DAYS,
            CUSTOMERS,
            CATEGORY_DAYS,
            FORECASTS);

    private static final List<Keyed<?, ?>> KEYED = List.of(BOOK_SERIES, CUSTOMER);

    private Questions() {}

    public static java.util.Optional<Gathered<?, ?>> gathered(String name) {
        return GATHERED.stream()
                .filter(question -> question.name().equals(name))
                .findFirst();
    }

    public static java.util.Optional<Keyed<?, ?>> keyed(String name) {
        return KEYED.stream().filter(question -> question.name().equals(name)).findFirst();
    }

    /** Sums a {@code <time>|<bookId>} store's figures per book over a range of time keys. */
    private static Map<String, Figures> figuresByBook(
            ReadOnlyKeyValueStore<String, Figures> store, String fromKey, String toKey) {
        Map<String, Figures> byBook = new HashMap<>();
        try (KeyValueIterator<String, Figures> entries =
                store.range(fromKey + SalesByBook.SEPARATOR, toKey + SalesByBook.SEPARATOR + AFTER)) {
            entries.forEachRemaining(
                    entry -> byBook.merge(SalesByBook.afterSeparator(entry.key), entry.value, Figures::plus));
        }
        return byBook;
    }

    private static <V> SortedMap<LocalDate, V> days(
            ReadOnlyKeyValueStore<String, V> store, Map<String, String> parameters) {
        SortedMap<LocalDate, V> days = new TreeMap<>();
        try (KeyValueIterator<String, V> entries = store.range(
                ShopCalendar.dayKey(LocalDate.parse(parameters.get("from"))),
                ShopCalendar.dayKey(LocalDate.parse(parameters.get("to"))))) {
            entries.forEachRemaining(entry -> days.put(ShopCalendar.parseDayKey(entry.key), entry.value));
        }
        return days;
    }

    private static Map<String, Figures> sumByKey(Map<String, Figures> one, Map<String, Figures> other) {
        Map<String, Figures> both = new HashMap<>(one);
        other.forEach((book, figures) -> both.merge(book, figures, Figures::plus));
        return both;
    }

    private static <V> SortedMap<LocalDate, V> sumByDay(
            SortedMap<LocalDate, V> one, SortedMap<LocalDate, V> other, BinaryOperator<V> plus) {
        SortedMap<LocalDate, V> both = new TreeMap<>(one);
        other.forEach((day, value) -> both.merge(day, value, plus));
        return both;
    }
}
