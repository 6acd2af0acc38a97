package bookstore.analytics.recommend;

import bookstore.events.analytics.RecommendationsComputed.RecommendedBook;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How well the personal picks predict what a customer buys next, offline, on held-out orders: each customer's last
 * order (if they have an earlier one) is held out, and the picks are computed from everything ordered before it in
 * time, by the same {@link BoughtTogether} and {@link PersonalPicks} the streams use. A customer counts as a hit when
 * one of the books of their held-out order they had not bought before is among the first {@value #AT} picks. The
 * baseline recommends the {@value #AT} best sellers (copies) of the same training period the customer has not bought.
 *
 * <p>Orders are replayed in time order: a held-out order is first predicted, then learnt from, so every prediction
 * sees exactly the orders before it. Held-out orders whose books the customer had all bought before are not counted
 * (neither method recommends what was bought).
 */
public final class OfflineEvaluation {

    static final int AT = 10;

    /** One order line: which order, when, which book, how many copies, and whose order. */
    public record OrderLine(String order, Instant orderedAt, String book, int quantity, String customer) {}

    /**
     * @param evaluated the customers whose held-out order was predicted
     * @param picksHits of them, those a pick (padded with category bestsellers, as served) found
     * @param unpaddedHits of them, those a pick from bought-together alone found
     * @param baselineHits of them, those a best seller found
     */
    public record Result(int evaluated, int picksHits, int unpaddedHits, int baselineHits) {

        public double picksHitRate() {
            return rate(picksHits);
        }

        public double unpaddedHitRate() {
            return rate(unpaddedHits);
        }

        public double baselineHitRate() {
            return rate(baselineHits);
        }

        private double rate(int hits) {
            return evaluated == 0 ? 0 : (double) hits / evaluated;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "held-out customers %d; hit rate@%d: personal picks %.4f (%d), picks without padding %.4f (%d),"
                            + " bestseller baseline %.4f (%d)",
                    evaluated,
                    AT,
                    picksHitRate(),
                    picksHits,
                    unpaddedHitRate(),
                    unpaddedHits,
                    baselineHitRate(),
                    baselineHits);
        }
    }

    private record Order(String reference, Instant at, String customer, Map<String, Integer> copies) {}

    private final BoughtTogether boughtTogether;
    private final PersonalPicks personalPicks = new PersonalPicks(AT);
    private final Function<String, String> categoryOf;

    /**
     * @param minSupport as in the streams
     * @param listSize the length of the bought-together lists the picks are built from, as published
     * @param categoryOf a book's main category, for the padding
     */
    public OfflineEvaluation(int minSupport, int listSize, Function<String, String> categoryOf) {
        this.boughtTogether = new BoughtTogether(minSupport, listSize);
        this.categoryOf = categoryOf;
    }

    public Result evaluate(List<OrderLine> lines) {
        List<Order> orders = orders(lines);
        Map<String, Order> heldOut = new HashMap<>();
        Map<String, Integer> ordersPerCustomer = new HashMap<>();
        for (Order order : orders) {
            heldOut.put(order.customer(), order);
            ordersPerCustomer.merge(order.customer(), 1, Integer::sum);
        }
        Training training = new Training();
        int evaluated = 0;
        int picksHits = 0;
        int unpaddedHits = 0;
        int baselineHits = 0;
        for (Order order : orders) {
            Set<String> bought = training.boughtBy(order.customer());
            Set<String> wanted = new HashSet<>(order.copies().keySet());
            wanted.removeAll(bought);
            if (heldOut.get(order.customer()) == order
                    && ordersPerCustomer.get(order.customer()) > 1
                    && !wanted.isEmpty()) {
                evaluated++;
                if (hit(picks(training, bought, true), wanted)) {
                    picksHits++;
                }
                if (hit(picks(training, bought, false), wanted)) {
                    unpaddedHits++;
                }
                if (hit(training.bestsellers(bought, book -> true), wanted)) {
                    baselineHits++;
                }
            }
            training.learn(order);
        }
        return new Result(evaluated, picksHits, unpaddedHits, baselineHits);
    }

    private List<String> picks(Training training, Set<String> bought, boolean padded) {
        List<List<RecommendedBook>> bestsellers = padded
                ? PersonalPicks.favouriteCategories(bought, categoryOf).stream()
                        .map(category ->
                                training
                                        .bestsellers(
                                                Set.of(),
                                                book -> categoryOf.apply(book).equals(category))
                                        .stream()
                                        .map(book -> new RecommendedBook(book, 0, training.copies.get(book)))
                                        .toList())
                        .toList()
                : List.of();
        return personalPicks.picks(bought, training::neighbours, bestsellers, book -> true).stream()
                .map(RecommendedBook::bookId)
                .toList();
    }

    static boolean hit(List<String> recommended, Set<String> wanted) {
        return recommended.stream().limit(AT).anyMatch(wanted::contains);
    }

    /** The lines grouped into orders (an order's time is its first line's), in time order. */
    private static List<Order> orders(List<OrderLine> lines) {
        Map<String, Order> byReference = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            Order order = byReference.computeIfAbsent(
                    line.order(),
                    reference -> new Order(reference, line.orderedAt(), line.customer(), new HashMap<>()));
            order.copies().merge(line.book(), line.quantity(), Integer::sum);
            if (line.orderedAt().isBefore(order.at())) {
                byReference.put(
                        line.order(), new Order(order.reference(), line.orderedAt(), order.customer(), order.copies()));
            }
        }
        return byReference.values().stream()
                .sorted(Comparator.comparing(Order::at).thenComparing(Order::reference))
                .toList();
    }

    /** What the orders so far say: the counts the streams keep, in memory. */
    private final class Training {

        private final Map<String, Long> orders = new HashMap<>();
        private final Map<String, Map<String, Long>> together = new HashMap<>();
        private final Map<String, Long> copies = new HashMap<>();
        private final Map<String, Set<String>> bought = new HashMap<>();

        void learn(Order order) {
            List<String> books = new ArrayList<>(order.copies().keySet());
            for (String book : books) {
                orders.merge(book, 1L, Long::sum);
                copies.merge(book, (long) order.copies().get(book), Long::sum);
                for (String other : books) {
                    if (!other.equals(book)) {
                        together.computeIfAbsent(book, b -> new HashMap<>()).merge(other, 1L, Long::sum);
                    }
                }
            }
            bought.computeIfAbsent(order.customer(), c -> new LinkedHashSet<>()).addAll(books);
        }

        Set<String> boughtBy(String customer) {
            return bought.getOrDefault(customer, Set.of());
        }

        List<RecommendedBook> neighbours(String book) {
            return boughtTogether.neighbours(
                    orders.getOrDefault(book, 0L),
                    together.getOrDefault(book, Map.of()),
                    other -> orders.getOrDefault(other, 0L),
                    other -> true);
        }

        /** The {@value #AT} best sellers among {@code eligible} books, leaving out {@code bought}. */
        List<String> bestsellers(Set<String> leftOut, Predicate<String> eligible) {
            return copies.entrySet().stream()
                    .filter(entry -> !leftOut.contains(entry.getKey()) && eligible.test(entry.getKey()))
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(AT)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /**
     * Reads order lines from a CSV with the header {@code order_ref,ordered_at,isbn,quantity,unit_price,customer_ref}
     * (the import's format; columns in any order, times in ISO-8601, without an offset on the shop's calendar).
     */
    public static List<OrderLine> readCsv(BufferedReader reader, ZoneId zone) throws IOException {
        String header = reader.readLine();
        if (header == null) {
            return List.of();
        }
        List<String> columns = Arrays.stream(fields(header.replace("\uFEFF", "")))
                .map(column -> column.strip().toLowerCase(Locale.ROOT))
                .toList();
        int order = column(columns, "order_ref");
        int at = column(columns, "ordered_at");
        int isbn = column(columns, "isbn");
        int quantity = column(columns, "quantity");
        int customer = column(columns, "customer_ref");
        List<OrderLine> lines = new ArrayList<>();
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            if (text.isBlank()) {
                continue;
            }
            String[] fields = fields(text);
            lines.add(new OrderLine(
                    fields[order],
                    time(fields[at], zone),
                    fields[isbn].replace("-", ""),
                    Integer.parseInt(fields[quantity]),
                    fields[customer]));
        }
        return lines;
    }

    private static String[] fields(String line) {
        return Arrays.stream(line.split(",", -1))
                .map(field -> field.strip().replaceAll("^\"|\"$", ""))
                .toArray(String[]::new);
    }

    private static int column(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("The CSV has no column " + name + "; it has " + columns);
        }
        return index;
    }

    private static Instant time(String value, ZoneId zone) {
        String iso = value.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        }
    }

    /**
     * Prints the evaluation of a CSV of past order lines:
     * {@code java -cp … bookstore.analytics.recommend.OfflineEvaluation <file.csv> [minSupport] [zone]}. The file has
     * no categories, so the padding draws on the best sellers of all books.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: OfflineEvaluation <order-lines.csv> [minSupport (2)] [zone (Asia/Shanghai)]");
            System.exit(2);
        }
        int minSupport = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ZoneId zone = ZoneId.of(args.length > 2 ? args[2] : "Asia/Shanghai");
        List<OrderLine> lines;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            lines = readCsv(reader, zone);
        }
        Result result = new OfflineEvaluation(minSupport, 20, book -> "all").evaluate(lines);
        System.out.println(lines.size() + " order lines, minimum support " + minSupport + ": " + result);
    }
}
