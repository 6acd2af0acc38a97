package bookstore.analytics.imports.sample;

import bookstore.analytics.imports.domain.SalesCsv;
import bookstore.analytics.streams.BookFacts;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A made-up but plausible past of the shop, as the CSV of past order lines the import reads: the same books, period
 * and seed always give the same file.
 *
 * <p>What it imitates: a long tail of book popularity (Zipf-like) with a few hits that launch during the period,
 * spike and fade; a weekly rhythm, 618 and 双十一 (build-up and peak), World Book Day, the Spring Festival lull; school
 * terms lifting children's, young adult and popular science books; a shop growing over the period; customers of
 * whom many buy once and a few often, each with a favourite category; baskets of one to four books that tend to
 * share an author or a category; list prices with occasional discounts, more of them on festival days.
 */
public final class SampleHistory {

    /** Orders on an ordinary weekday in the middle of the period; the average day comes out a little above. */
    public static final double ORDINARY_DAY_ORDERS = 115;

    private final List<BookFacts> books;
    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;
    private final long seed;

    /**
     * @param books the books it may sell (at least one)
     * @param from the first day, on the shop's calendar
     * @param to the last day (inclusive)
     */
    public SampleHistory(List<BookFacts> books, LocalDate from, LocalDate to, ZoneId zone, long seed) {
        if (books.isEmpty()) {
            throw new IllegalArgumentException("a history needs books to sell");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        // Sorted, so the history does not depend on the order the books were handed over in.
        this.books = books.stream()
                .sorted(Comparator.comparing(BookFacts::isbn).thenComparing(BookFacts::bookId))
                .toList();
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.seed = seed;
    }

    /** The two years (or any period) up to yesterday on the shop's calendar. */
    public static SampleHistory upTo(
            LocalDate yesterday, Period length, List<BookFacts> books, ZoneId zone, long seed) {
        return new SampleHistory(books, yesterday.minus(length).plusDays(1), yesterday, zone, seed);
    }

    /** The file, line by line: the header, then the order lines day after day, each day's orders in time order. */
    public Stream<String> csvLines() {
        SampleShop shop = new SampleShop(books, from, to, zone, seed);
        return Stream.concat(
                Stream.of(SalesCsv.HEADER),
                Stream.iterate(from, day -> !day.isAfter(to), day -> day.plusDays(1))
                        .flatMap(day -> shop.day(day).stream()));
    }
}
