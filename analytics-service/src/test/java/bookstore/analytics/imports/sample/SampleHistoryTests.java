package bookstore.analytics.imports.sample;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.analytics.imports.TestBooks;
import bookstore.analytics.imports.domain.PastSalesFile;
import bookstore.analytics.imports.domain.SalesCsv;
import bookstore.analytics.streams.BookFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleHistoryTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2024, 12, 7);
    private static final LocalDate TO = LocalDate.of(2026, 12, 6);
    private static final List<BookFacts> BOOKS = TestBooks.shelves("book", 1, 500);

    private static List<String> lines;
    private static History history;

    @BeforeAll
    static void generateTwoYears() {
        lines = new SampleHistory(BOOKS, FROM, TO, SHANGHAI, 7).csvLines().toList();
        history = History.of(lines.subList(1, lines.size()));
        System.out.printf(
                "Sample history of %d days: %d orders, %d lines, %d copies, %d customers, %d books sold%n",
                history.ordersByDay().size(),
                history.orders().size(),
                lines.size() - 1,
                history.copiesByIsbn().values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                history.ordersByCustomer().size(),
                history.copiesByIsbn().size());
    }

    @Test
    void theSameBooksPeriodAndSeedGiveTheSameFile() {
        List<BookFacts> shuffled = new ArrayList<>(BOOKS);
        shuffled.sort(Comparator.comparing(BookFacts::bookId).reversed());

        assertThat(new SampleHistory(shuffled, FROM, TO, SHANGHAI, 7).csvLines().toList())
                .isEqualTo(lines);
        assertThat(new SampleHistory(BOOKS, FROM, TO, SHANGHAI, 8)
                        .csvLines()
                        .limit(200)
                        .toList())
                .isNotEqualTo(lines.subList(0, 200));
    }

    @Test
    void isAFileTheImportTakesWholeFromTheFirstToTheLastDay() {
        PastSalesFile file = new PastSalesFile(
                BOOKS.stream().collect(Collectors.toMap(BookFacts::isbn, BookFacts::bookId)),
                Instant.parse("2026-12-07T00:00:00Z"),
                SHANGHAI);
        lines.forEach(file::read);

        assertThat(lines.getFirst()).isEqualTo(SalesCsv.HEADER);
        assertThat(file.problems()).isEmpty();
        assertThat(file.isAcceptable()).isTrue();
        assertThat(file.summary().from().atZone(SHANGHAI).toLocalDate()).isEqualTo(FROM);
        assertThat(file.summary().to().atZone(SHANGHAI).toLocalDate()).isEqualTo(TO);
        assertThat(file.summary().orders()).isEqualTo(history.orders().size());
    }

    @Test
    void hasAHundredToTwoHundredOrdersOnAnAverageDayFromAFewThousandCustomers() {
        double perDay = (double) history.orders().size() / daysOfPeriod();

        assertThat(perDay).isBetween(100.0, 200.0);
        assertThat(history.ordersByCustomer()).hasSizeBetween(3_000, 9_000);
    }

    @Test
    void doubleElevenIsTheYearsPeakAndTheSpringFestivalItsLull() {
        double ordinary =
                median(history.ordersByDay().values().stream().map(Set::size).toList());

        assertThat(history.ordersOn(LocalDate.of(2025, 11, 11))).isGreaterThan((int) (4 * ordinary));
        assertThat(history.ordersOn(LocalDate.of(2026, 11, 11))).isGreaterThan((int) (4 * ordinary));
        assertThat(history.ordersOn(LocalDate.of(2026, 6, 18))).isGreaterThan((int) (2 * ordinary));
        // The build-up: the first ten days of November are busier than October's.
        assertThat(history.averageOrders(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 10)))
                .isGreaterThan(1.3 * history.averageOrders(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31)));
        // 春节 2026 fell on 17 February.
        assertThat(history.averageOrders(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 22)))
                .isLessThan(0.6 * ordinary);
        // Weekends are busier than midweek.
        assertThat(history.averageOrders(d -> d.getDayOfWeek().getValue() >= 6))
                .isGreaterThan(history.averageOrders(d -> d.getDayOfWeek().getValue() == 2));
    }

    @Test
    void schoolTermsLiftChildrensYoungAdultAndPopularScienceBooks() {
        Set<String> schoolIsbns = BOOKS.stream()
                .filter(book -> ShoppingSeasons.SCHOOL_CATEGORIES.contains(book.mainCategory()))
                .map(BookFacts::isbn)
                .collect(Collectors.toSet());

        double september = history.shareOfCopies(schoolIsbns, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 15));
        double may = history.shareOfCopies(schoolIsbns, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31));

        assertThat(september).isGreaterThan(1.5 * may);
    }

    @Test
    void aTenthOfTheBooksSellsMoreThanHalfTheCopiesAndHitsSellNothingBeforeTheirLaunch() {
        List<Long> copies = history.copiesByIsbn().values().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        long total = copies.stream().mapToLong(Long::longValue).sum();
        long topTenth = copies.stream()
                .limit(BOOKS.size() / 10)
                .mapToLong(Long::longValue)
                .sum();

        assertThat((double) topTenth / total).isGreaterThanOrEqualTo(0.5);
        // The long tail: most books sell something, but many only a little.
        assertThat(history.copiesByIsbn()).hasSizeGreaterThan(400);
        assertThat(copies.get(copies.size() / 2)).isLessThan(total / BOOKS.size());
        // Some books first sell well into the period (the hits' launches).
        assertThat(history.firstSaleByIsbn().values()).anyMatch(first -> first.isAfter(FROM.plusMonths(3)));
    }

    @Test
    void manyCustomersBuyOnceAndAFewOften() {
        Collection<Set<String>> ordersPerCustomer = history.ordersByCustomer().values();
        long repeat =
                ordersPerCustomer.stream().filter(orders -> orders.size() >= 2).count();
        long loyal =
                ordersPerCustomer.stream().filter(orders -> orders.size() >= 20).count();
        double repeatRate = (double) repeat / ordersPerCustomer.size();

        System.out.printf(
                "Repeat-purchase rate %.1f %%, %d customers with 20 orders or more%n", 100 * repeatRate, loyal);
        assertThat(repeatRate).isBetween(0.3, 0.6);
        assertThat(loyal).isPositive();
    }

    @Test
    void basketsHoldOneToFourBooksThatOftenShareAnAuthorOrACategory() {
        Map<String, BookFacts> byIsbn = BOOKS.stream().collect(Collectors.toMap(BookFacts::isbn, Function.identity()));
        Map<Integer, Long> sizes = history.booksByOrder().values().stream()
                .collect(Collectors.groupingBy(List::size, Collectors.counting()));
        List<List<String>> multi = history.booksByOrder().values().stream()
                .filter(books -> books.size() > 1)
                .toList();
        long related = multi.stream()
                .filter(books -> books.stream().map(byIsbn::get).anyMatch(a -> books.stream()
                        .map(byIsbn::get)
                        .anyMatch(b -> a != b
                                && (a.mainCategory().equals(b.mainCategory())
                                        || a.authors().equals(b.authors())))))
                .count();

        assertThat(sizes.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(sizes.get(1)).isGreaterThan(sizes.get(2));
        assertThat((double) related / multi.size()).isGreaterThan(0.6);
    }

    private static long daysOfPeriod() {
        return FROM.datesUntil(TO.plusDays(1)).count();
    }

    private static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The generated lines, tallied. */
    private record History(
            Map<LocalDate, Set<String>> ordersByDay,
            Set<String> orders,
            Map<String, Set<String>> ordersByCustomer,
            Map<String, List<String>> booksByOrder,
            Map<String, Long> copiesByIsbn,
            Map<String, LocalDate> firstSaleByIsbn,
            List<String[]> rows) {

        static History of(List<String> lines) {
            Map<LocalDate, Set<String>> ordersByDay = new HashMap<>();
            Set<String> orders = new HashSet<>();
            Map<String, Set<String>> ordersByCustomer = new HashMap<>();
            Map<String, List<String>> booksByOrder = new HashMap<>();
            Map<String, Long> copiesByIsbn = new HashMap<>();
            Map<String, LocalDate> firstSale = new HashMap<>();
            List<String[]> rows = new ArrayList<>();
            for (String line : lines) {
                String[] row = line.split(",");
                rows.add(row);
                LocalDate day =
                        OffsetDateTime.parse(row[1]).atZoneSameInstant(SHANGHAI).toLocalDate();
                ordersByDay.computeIfAbsent(day, d -> new HashSet<>()).add(row[0]);
                orders.add(row[0]);
                ordersByCustomer.computeIfAbsent(row[5], c -> new HashSet<>()).add(row[0]);
                booksByOrder.computeIfAbsent(row[0], o -> new ArrayList<>()).add(row[2]);
                copiesByIsbn.merge(row[2], Long.parseLong(row[3]), Long::sum);
                firstSale.merge(row[2], day, (a, b) -> a.isBefore(b) ? a : b);
            }
            return new History(ordersByDay, orders, ordersByCustomer, booksByOrder, copiesByIsbn, firstSale, rows);
        }

        int ordersOn(LocalDate day) {
            return ordersByDay.getOrDefault(day, Set.of()).size();
        }

        double averageOrders(LocalDate first, LocalDate last) {
            return first.datesUntil(last.plusDays(1))
                    .mapToInt(this::ordersOn)
                    .average()
                    .orElse(0);
        }

        double averageOrders(java.util.function.Predicate<LocalDate> days) {
            return FROM.datesUntil(TO.plusDays(1))
                    .filter(days)
                    .mapToInt(this::ordersOn)
                    .average()
                    .orElse(0);
        }

        double shareOfCopies(Set<String> isbns, LocalDate first, LocalDate last) {
            long all = 0;
            long some = 0;
            for (String[] row : rows) {
                LocalDate day =
                        OffsetDateTime.parse(row[1]).atZoneSameInstant(SHANGHAI).toLocalDate();
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    long copies = Long.parseLong(row[3]);
                    all += copies;
                    some += isbns.contains(row[2]) ? copies : 0;
                }
            }
            return (double) some / all;
        }
    }
}
