package bookstore.analytics.report;

import bookstore.analytics.forecast.DemandForecaster;
import bookstore.analytics.forecast.ReorderPlanner;
import bookstore.analytics.forecast.ReorderSuggestion;
import bookstore.analytics.forecast.WeeklySeries;
import bookstore.analytics.query.Globals;
import bookstore.analytics.query.Instances;
import bookstore.analytics.query.Questions;
import bookstore.analytics.streams.BookFacts;
import bookstore.analytics.streams.CustomerHistory;
import bookstore.analytics.streams.Demand;
import bookstore.analytics.streams.Figures;
import bookstore.analytics.streams.OrderDay;
import bookstore.analytics.streams.SalesByBook;
import bookstore.analytics.streams.ShopDay;
import bookstore.analytics.streams.StockLevel;
import bookstore.events.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The reports, computed from what every instance's stores answer. */
@Component
public class Reports {

    /** The shop prices, sells and reports in one currency. */
    public static final String CURRENCY = "CNY";

    private static final int MAX_SNAPSHOTS = 60;

    /** The subject of the whole shop's demand. */
    public static final String SHOP = "shop";

    private final Instances instances;
    private final Globals globals;
    private final Demand demand;
    private final DemandForecaster forecaster = new DemandForecaster(DemandForecaster.Settings.defaults());
    private final ReorderPlanner planner = new ReorderPlanner();

    Reports(Instances instances, Globals globals, Demand demand) {
        this.instances = instances;
        this.globals = globals;
        this.demand = demand;
    }

    /** A title's weekly demand and its forecast, made now from the sales its instance holds; empty if unknown. */
    public Mono<DemandReport> bookDemand(String bookId, LocalDate today, String caller) {
        return Mono.justOrEmpty(globals.book(bookId)).flatMap(book -> instances
                .ask(Questions.BOOK_SERIES, bookId, Map.of(), caller)
                .defaultIfEmpty(new TreeMap<>())
                .publishOn(Schedulers.boundedElastic())
                .map(days -> demandReport(bookId, book.title(), Demand.units(days), today)));
    }

    /** A category's weekly demand (its books' by their main category) and its forecast; empty if no book has it. */
    public Mono<DemandReport> categoryDemand(String category, LocalDate today, String caller) {
        boolean known = globals.allBooks().values().stream()
                .anyMatch(book -> book.mainCategory().equals(category));
        if (!known) {
            return Mono.empty();
        }
        Map<String, String> parameters = Map.of(
                "category", category,
                "from", today.minusWeeks(demand.historyWeeks()).toString(),
                "to", today.toString());
        return instances
                .gather(Questions.CATEGORY_DAYS, parameters, caller)
                .publishOn(Schedulers.boundedElastic())
                .map(days -> demandReport(category, category, days, today));
    }

    /** The whole shop's weekly demand (copies) and its forecast. */
    public Mono<DemandReport> shopDemand(LocalDate today, String caller) {
        ReportRange history = new ReportRange(today.minusWeeks(demand.historyWeeks()), today);
        return instances
                .gather(Questions.SHOP_DAYS, history.asParameters(), caller)
                .publishOn(Schedulers.boundedElastic())
                .map(days -> {
                    SortedMap<LocalDate, Long> units = new TreeMap<>();
                    days.forEach(
                            (day, figures) -> units.put(day, figures.figures().units()));
                    return demandReport(SHOP, SHOP, units, today);
                });
    }

    /** The books to order now for a lead time and service level, from their stored forecasts; most copies first. */
    public Mono<ReorderReport> reorders(
            LocalDate today, int leadTimeDays, double serviceLevel, int limit, String caller) {
        return instances.gather(Questions.FORECASTS, Map.of(), caller).map(forecasts -> {
            List<ReorderReport.Reorder> reorders = new ArrayList<>();
            for (SalesByBook.StoredForecast stored : forecasts.values()) {
                BookFacts book = globals.book(stored.bookId()).orElse(null);
                if (book == null || book.discontinued()) {
                    continue;
                }
                int available = globals.stockOf(book.bookId())
                        .map(StockLevel::available)
                        .orElse(0);
                ReorderSuggestion suggestion =
                        planner.suggest(stored.forecast(), available, leadTimeDays, serviceLevel, today);
                if (suggestion.shouldOrder()) {
                    reorders.add(new ReorderReport.Reorder(
                            book.bookId(),
                            book.title(),
                            book.mainCategory(),
                            available,
                            suggestion.leadTimeDemand(),
                            suggestion.safetyStock(),
                            suggestion.reorderPoint(),
                            suggestion.orderQuantity(),
                            stored.forecast().model()));
                }
            }
            reorders.sort(Comparator.comparingInt(ReorderReport.Reorder::orderQuantity)
                    .reversed()
                    .thenComparing(ReorderReport.Reorder::bookId));
            return new ReorderReport(
                    today, leadTimeDays, serviceLevel, reorders.subList(0, Math.min(limit, reorders.size())));
        });
    }

    private DemandReport demandReport(String subject, String title, SortedMap<LocalDate, Long> units, LocalDate today) {
        WeeklySeries history = demand.weekly(units, today);
        return new DemandReport(subject, title, history, forecaster.forecast(history, demand.horizonWeeks()));
    }

    public Mono<SalesReport> sales(ReportRange range, Granularity granularity, String caller) {
        return instances
                .gather(Questions.SHOP_DAYS, range.asParameters(), caller)
                .map(days -> {
                    SortedMap<LocalDate, ShopDay> periods =
                            byPeriod(days, range, granularity, ShopDay.NONE, ShopDay::plus);
                    List<SalesReport.Period> rows = new ArrayList<>();
                    ShopDay total = ShopDay.NONE;
                    for (Map.Entry<LocalDate, ShopDay> period : periods.entrySet()) {
                        rows.add(salesPeriod(period.getKey(), granularity.end(period.getKey()), period.getValue()));
                        total = total.plus(period.getValue());
                    }
                    return new SalesReport(
                            range.from(), range.to(), granularity, rows, salesPeriod(range.from(), range.to(), total));
                });
    }

    public Mono<BookRanking> topSellers(ReportRange range, int limit, String caller) {
        return bookFigures(range, caller).map(figures -> {
            List<Map.Entry<String, Figures>> sold = figures.entrySet().stream()
                    .filter(entry -> entry.getValue().units() > 0)
                    .sorted(Comparator.<Map.Entry<String, Figures>>comparingLong(
                                    entry -> entry.getValue().units())
                            .reversed()
                            .thenComparing(entry -> -entry.getValue().revenue())
                            .thenComparing(Map.Entry::getKey))
                    .limit(limit)
                    .toList();
            List<BookRanking.RankedBook> ranked = new ArrayList<>();
            for (Map.Entry<String, Figures> entry : sold) {
                ranked.add(
                        rankedBook(ranked.size() + 1, entry.getKey(), entry.getValue(), this::bookOf, this::stockOf));
            }
            return new BookRanking(range.from(), range.to(), ranked);
        });
    }

    /** Books on sale and in stock that sold the fewest copies in the range (those that sold none first). */
    public Mono<BookRanking> slowMovers(ReportRange range, int limit, String caller) {
        return bookFigures(range, caller).map(figures -> {
            Map<String, BookFacts> books = globals.allBooks();
            Map<String, StockLevel> stock = globals.allStock();
            List<String> slow = books.values().stream()
                    .filter(book -> !book.discontinued())
                    .filter(book -> stock.containsKey(book.bookId())
                            && stock.get(book.bookId()).available() > 0)
                    .sorted(Comparator.<BookFacts>comparingLong(
                                    book -> figures.getOrDefault(book.bookId(), Figures.NONE)
                                            .units())
                            .thenComparing(book -> -stock.get(book.bookId()).available())
                            .thenComparing(BookFacts::bookId))
                    .limit(limit)
                    .map(BookFacts::bookId)
                    .toList();
            List<BookRanking.RankedBook> ranked = new ArrayList<>();
            for (String bookId : slow) {
                ranked.add(rankedBook(
                        ranked.size() + 1, bookId, figures.getOrDefault(bookId, Figures.NONE), books::get, stock::get));
            }
            return new BookRanking(range.from(), range.to(), ranked);
        });
    }

    public Mono<Breakdown> breakdown(ReportRange range, Breakdown.Dimension dimension, int limit, String caller) {
        return bookFigures(range, caller).map(figures -> {
            Map<String, Figures> byName = new HashMap<>();
            Map<String, Set<String>> booksByName = new HashMap<>();
            long allUnits = 0;
            for (Map.Entry<String, Figures> entry : figures.entrySet()) {
                allUnits += entry.getValue().units();
                for (String name : namesOf(dimension, entry.getKey(), bookOf(entry.getKey()))) {
                    byName.merge(name, entry.getValue(), Figures::plus);
                    booksByName.computeIfAbsent(name, n -> new HashSet<>()).add(entry.getKey());
                }
            }
            long whole = allUnits;
            List<Breakdown.Share> shares = byName.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Figures>>comparingLong(
                                    entry -> entry.getValue().units())
                            .reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(limit)
                    .map(entry -> new Breakdown.Share(
                            entry.getKey(),
                            dimension == Breakdown.Dimension.BOOK ? titleOf(entry.getKey()) : entry.getKey(),
                            entry.getValue().units(),
                            money(entry.getValue().revenue()),
                            booksByName.get(entry.getKey()).size(),
                            whole == 0 ? 0 : (double) entry.getValue().units() / whole))
                    .toList();
            return new Breakdown(range.from(), range.to(), dimension, shares);
        });
    }

    public Mono<OutcomesReport> outcomes(ReportRange range, Granularity granularity, String caller) {
        return instances
                .gather(Questions.ORDER_DAYS, range.asParameters(), caller)
                .map(days -> {
                    SortedMap<LocalDate, OrderDay> periods =
                            byPeriod(days, range, granularity, OrderDay.NONE, OrderDay::plus);
                    List<OutcomesReport.Period> rows = new ArrayList<>();
                    OrderDay total = OrderDay.NONE;
                    for (Map.Entry<LocalDate, OrderDay> period : periods.entrySet()) {
                        rows.add(outcomePeriod(period.getKey(), granularity.end(period.getKey()), period.getValue()));
                        total = total.plus(period.getValue());
                    }
                    return new OutcomesReport(
                            range.from(),
                            range.to(),
                            granularity,
                            rows,
                            outcomePeriod(range.from(), range.to(), total),
                            new TreeMap<>(total.rejectionReasons()),
                            new TreeMap<>(total.cancellationReasons()));
                });
    }

    /** Every book in the catalogue that is on sale, with its stock against its recent sales. */
    public Mono<StockReport> stock(LocalDate today, int recentDays, int deadAfterDays, String caller) {
        ReportRange recent = new ReportRange(today.minusDays(recentDays - 1L), today);
        return Mono.zip(bookFigures(recent, caller), instances.gather(Questions.LAST_SALES, Map.of(), caller))
                .map(answers -> {
                    Map<String, Figures> figures = answers.getT1();
                    Map<String, LocalDate> lastSales = answers.getT2();
                    Map<String, StockLevel> stock = globals.allStock();
                    List<StockReport.BookStock> rows = new ArrayList<>();
                    for (BookFacts book : globals.allBooks().values()) {
                        if (book.discontinued()) {
                            continue;
                        }
                        StockLevel level = stock.get(book.bookId());
                        int available = level == null ? 0 : level.available();
                        long units = Math.max(
                                0,
                                figures.getOrDefault(book.bookId(), Figures.NONE)
                                        .units());
                        double daily = (double) units / recentDays;
                        LocalDate lastSale = lastSales.get(book.bookId());
                        boolean dead = available > 0
                                && (lastSale == null || lastSale.isBefore(today.minusDays(deadAfterDays)));
                        rows.add(new StockReport.BookStock(
                                book.bookId(),
                                book.title(),
                                book.mainCategory(),
                                available,
                                units,
                                daily,
                                daily > 0 ? available / daily : null,
                                lastSale,
                                dead));
                    }
                    rows.sort(Comparator.comparing((StockReport.BookStock book) ->
                                    book.daysOfCover() == null ? Double.MAX_VALUE : book.daysOfCover())
                            .thenComparing(StockReport.BookStock::bookId));
                    return new StockReport(today, recentDays, deadAfterDays, rows);
                });
    }

    public Mono<CustomersReport> customers(ReportRange range, Granularity granularity, String caller) {
        return Mono.zip(
                        instances.gather(Questions.CUSTOMERS, Map.of(), caller),
                        instances.gather(Questions.REGISTRATION_DAYS, range.asParameters(), caller))
                .map(answers -> {
                    List<CustomerHistory> customers = answers.getT1();
                    SortedMap<LocalDate, Long> registrations =
                            byPeriod(answers.getT2(), range, granularity, 0L, Long::sum);
                    Map<LocalDate, long[]> counts = new TreeMap<>();
                    registrations.keySet().forEach(start -> counts.put(start, new long[3]));
                    long toDate = 0;
                    long repeat = 0;
                    for (CustomerHistory customer : customers) {
                        LocalDate first = null;
                        Set<LocalDate> periodsOrdered = new HashSet<>();
                        long ordersToDate = 0;
                        for (CustomerHistory.Order order : customer.orders()) {
                            first = first == null || order.day().isBefore(first) ? order.day() : first;
                            if (!order.day().isAfter(range.to())) {
                                ordersToDate++;
                            }
                            if (range.contains(order.day())) {
                                periodsOrdered.add(granularity.start(order.day()));
                            }
                        }
                        toDate += ordersToDate > 0 ? 1 : 0;
                        repeat += ordersToDate > 1 ? 1 : 0;
                        for (LocalDate start : periodsOrdered) {
                            long[] period = counts.get(start);
                            if (period == null) {
                                continue;
                            }
                            period[0]++;
                            boolean firstInPeriod = !first.isBefore(start) && !first.isAfter(granularity.end(start));
                            period[firstInPeriod ? 1 : 2]++;
                        }
                    }
                    List<CustomersReport.Period> rows = new ArrayList<>();
                    for (Map.Entry<LocalDate, long[]> period : counts.entrySet()) {
                        long[] c = period.getValue();
                        rows.add(new CustomersReport.Period(
                                period.getKey(),
                                granularity.end(period.getKey()),
                                c[0],
                                c[1],
                                c[2],
                                registrations.getOrDefault(period.getKey(), 0L)));
                    }
                    return new CustomersReport(
                            range.from(),
                            range.to(),
                            granularity,
                            rows,
                            toDate,
                            repeat,
                            toDate == 0 ? 0 : (double) repeat / toDate);
                });
    }

    /** Segment sizes at every month's end in the range, and on its last day. */
    public Mono<SegmentsReport> segments(ReportRange range, String caller) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate end = range.from().withDayOfMonth(1).plusMonths(1).minusDays(1);
                end.isBefore(range.to());
                end = end.plusDays(1).plusMonths(1).minusDays(1)) {
            dates.add(end);
        }
        dates.add(range.to());
        List<LocalDate> asOf = dates.subList(Math.max(0, dates.size() - MAX_SNAPSHOTS), dates.size());
        return instances.gather(Questions.CUSTOMERS, Map.of(), caller).map(customers -> {
            List<SegmentsReport.Snapshot> snapshots = new ArrayList<>();
            for (LocalDate day : asOf) {
                Rfm rfm = Rfm.asOf(day, customers);
                snapshots.add(new SegmentsReport.Snapshot(day, rfm.customers(), rfm.sizes(customers)));
            }
            return new SegmentsReport(range.from(), range.to(), snapshots);
        });
    }

    /** One customer's scores and segment as of a day; empty when they had not bought by then. */
    public Mono<CustomerSegment> customer(String pseudonym, LocalDate asOf, String caller) {
        return instances.ask(Questions.CUSTOMER, pseudonym, Map.of(), caller).flatMap(history -> instances
                .gather(Questions.CUSTOMERS, Map.of(), caller)
                .flatMap(everyone -> Mono.justOrEmpty(Rfm.asOf(asOf, everyone)
                        .profile(history)
                        .map(profile -> new CustomerSegment(
                                pseudonym,
                                asOf,
                                profile.standing().firstOrder(),
                                profile.standing().lastOrder(),
                                profile.standing().orders(),
                                money(profile.standing().spent()),
                                profile.recency(),
                                profile.frequency(),
                                profile.monetary(),
                                profile.segment())))));
    }

    /** Each book's figures over the range: whole months from the monthly store, the loose days from the daily one. */
    public Mono<Map<String, Figures>> bookFigures(ReportRange range, String caller) {
        ReportRange.Pieces pieces = range.pieces();
        List<Mono<Map<String, Figures>>> parts = new ArrayList<>();
        if (pieces.firstMonth() != null) {
            parts.add(instances.gather(
                    Questions.BOOK_FIGURES_BY_MONTH,
                    Map.of(
                            "from",
                            pieces.firstMonth().toString(),
                            "to",
                            pieces.lastMonth().toString()),
                    caller));
        }
        for (ReportRange days : new ReportRange[] {pieces.daysBefore(), pieces.daysAfter()}) {
            if (days != null) {
                parts.add(instances.gather(Questions.BOOK_FIGURES_BY_DAY, days.asParameters(), caller));
            }
        }
        return Flux.merge(parts).reduce(new HashMap<>(), (all, part) -> {
            part.forEach((book, figures) -> all.merge(book, figures, Figures::plus));
            return all;
        });
    }

    /** Every period of the range (empty ones too), with the values of its days added up. */
    static <V> SortedMap<LocalDate, V> byPeriod(
            Map<LocalDate, V> days, ReportRange range, Granularity granularity, V none, BinaryOperator<V> plus) {
        SortedMap<LocalDate, V> periods = new TreeMap<>();
        for (LocalDate start = granularity.start(range.from());
                !start.isAfter(range.to());
                start = granularity.end(start).plusDays(1)) {
            periods.put(start, none);
        }
        days.forEach((day, value) -> {
            if (range.contains(day)) {
                periods.merge(granularity.start(day), value, plus);
            }
        });
        return periods;
    }

    private static SalesReport.Period salesPeriod(LocalDate start, LocalDate end, ShopDay day) {
        return new SalesReport.Period(
                start,
                end,
                day.orders(),
                day.figures().units(),
                money(day.figures().revenue()),
                day.orders() == 0
                        ? null
                        : money(Math.round((double) day.figures().revenue() / day.orders())),
                day.figures().returned());
    }

    private static OutcomesReport.Period outcomePeriod(LocalDate start, LocalDate end, OrderDay day) {
        return new OutcomesReport.Period(
                start,
                end,
                day.placed(),
                day.confirmed(),
                day.rejected(),
                day.cancelled(),
                day.placed() == 0 ? 0 : (double) day.rejected() / day.placed(),
                day.placed() == 0 ? 0 : (double) day.cancelled() / day.placed());
    }

    private static BookRanking.RankedBook rankedBook(
            int rank,
            String bookId,
            Figures figures,
            Function<String, BookFacts> books,
            Function<String, StockLevel> stock) {
        BookFacts book = books.apply(bookId);
        StockLevel level = stock.apply(bookId);
        return new BookRanking.RankedBook(
                rank,
                bookId,
                book == null ? null : book.title(),
                book == null ? List.of() : book.authors(),
                book == null ? null : book.mainCategory(),
                book == null ? null : book.publisher(),
                figures.units(),
                money(figures.revenue()),
                figures.lines(),
                level == null ? null : level.available());
    }

    private static List<String> namesOf(Breakdown.Dimension dimension, String bookId, BookFacts book) {
        return switch (dimension) {
            case BOOK -> List.of(bookId);
            case CATEGORY -> List.of(book == null ? BookFacts.UNCATEGORISED : book.mainCategory());
            case AUTHOR -> book == null || book.authors().isEmpty() ? List.of("—") : book.authors();
            case PUBLISHER -> List.of(book == null || book.publisher() == null ? "—" : book.publisher());
        };
    }

    private String titleOf(String bookId) {
        BookFacts book = bookOf(bookId);
        return book == null ? bookId : book.title();
    }

    /** One book looked up in the global store: reports that show a few books need not read them all. */
    private BookFacts bookOf(String bookId) {
        return globals.book(bookId).orElse(null);
    }

    private StockLevel stockOf(String bookId) {
        return globals.stockOf(bookId).orElse(null);
    }

    static Money money(long minorUnits) {
        return new Money(minorUnits, CURRENCY);
    }
}
