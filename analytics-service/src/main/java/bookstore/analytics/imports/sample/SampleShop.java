package bookstore.analytics.imports.sample;

import bookstore.analytics.streams.BookFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One pass of a {@link SampleHistory} over its period: the shop's books, customers and days, driven by one random
 * sequence consumed in order, so the same inputs always give the same orders.
 */
final class SampleShop {

    /** Customers the shop already has when the period starts. */
    static final int ESTABLISHED_CUSTOMERS = 600;
    /** The chance that an order comes from a customer new to the shop. */
    static final double NEW_CUSTOMER_SHARE = 0.045;
    /** The share of new customers who never come back. */
    static final double ONE_TIME_SHARE = 0.55;

    private static final double ZIPF_EXPONENT = 1.05;
    private static final double SCHOOL_TERM_LIFT = 2.5;
    private static final double[] BASKET_SIZES = {0.55, 0.27, 0.12, 0.06};
    private static final double[] QUANTITIES = {0.88, 0.09, 0.03};
    /** When in the day people order (hour 0 to 23), lunch and evening highest. */
    private static final double[] HOURS = {
        2.0, 1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 3.0, 4.0, 4.5, 6.0, 5.5, 4.5, 4.0, 4.0, 4.0, 4.5, 5.5, 7.0, 7.5,
        6.5, 4.0
    };

    private static final double[] DISCOUNTS = {0.9, 0.85, 0.8, 0.75, 0.7};
    private static final DateTimeFormatter REF_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter ORDERED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final List<BookFacts> books;
    private final LocalDate from;
    private final ZoneId zone;
    private final SplittableRandom random;

    private final int n;
    private final double[] popularity;
    private final int[] hits;
    private final LocalDate[] launches;
    private final boolean[] schoolBook;
    private final Map<String, int[]> byAuthor = new HashMap<>();
    private final Map<String, int[]> byCategory = new HashMap<>();
    private final String[] categories;
    private final long days;

    private final List<Customer> customers = new ArrayList<>();
    /** Returning customers, each as often as their appetite: a draw picks one in proportion to it. */
    private final List<Customer> tickets = new ArrayList<>();

    /** Today's weight of each book, and their running sum for drawing. */
    private final double[] weight;

    private final double[] cumulative;

    /** @param books sorted, so the history does not depend on the order they were handed over in */
    SampleShop(List<BookFacts> books, LocalDate from, LocalDate to, ZoneId zone, long seed) {
        this.books = books;
        this.from = from;
        this.zone = zone;
        this.random = new SplittableRandom(seed);
        this.n = books.size();
        this.days = ChronoUnit.DAYS.between(from, to) + 1;
        this.popularity = new double[n];
        this.schoolBook = new boolean[n];
        this.weight = new double[n];
        this.cumulative = new double[n];
        int[] ranks = shuffled(n);
        for (int i = 0; i < n; i++) {
            popularity[i] = 1 / Math.pow(ranks[i] + 1, ZIPF_EXPONENT);
            BookFacts book = books.get(i);
            schoolBook[i] = book.categories().stream().anyMatch(ShoppingSeasons.SCHOOL_CATEGORIES::contains);
        }
        byAuthor.putAll(index(book -> book.authors()));
        byCategory.putAll(index(book -> List.of(book.mainCategory())));
        categories = byCategory.keySet().stream().sorted().toArray(String[]::new);
        // A few hits, launched during the period: unknown before, then a spike that fades over months.
        int hitCount = Math.max(1, n / 80);
        hits = new int[hitCount];
        launches = new LocalDate[hitCount];
        for (int h = 0; h < hitCount; h++) {
            hits[h] =
                    ranks.length > 1 ? indexOfRank(ranks, Math.min(n - 1, 15 + random.nextInt(Math.max(1, n / 3)))) : 0;
            launches[h] = from.plusDays(random.nextLong(Math.max(1, days - 30)));
        }
        weigh(from);
        for (int c = 0; c < ESTABLISHED_CUSTOMERS; c++) {
            Customer customer = newCustomer(false);
            for (int t = 0; t < customer.appetite; t++) {
                tickets.add(customer);
            }
        }
    }

    /** The order lines of one day, in time order; days must come one after the other. */
    List<String> day(LocalDate day) {
        double growth = 0.8 + 0.4 * ChronoUnit.DAYS.between(from, day) / Math.max(1, days - 1);
        double expected = SampleHistory.ORDINARY_DAY_ORDERS * growth * ShoppingSeasons.busyness(day);
        int orders = (int) Math.max(0, Math.round(expected + Math.sqrt(expected) * random.nextGaussian()));
        weigh(day);
        boolean festival = festival(day);
        int[] seconds = new int[orders];
        for (int o = 0; o < orders; o++) {
            seconds[o] = secondOfDay(day);
        }
        Arrays.sort(seconds);
        List<String> lines = new ArrayList<>(orders * 2);
        for (int o = 0; o < orders; o++) {
            String orderRef = "SO" + REF_DAY.format(day) + "-" + String.format("%04d", o + 1);
            String orderedAt = ORDERED_AT.format(
                    day.atTime(LocalTime.ofSecondOfDay(seconds[o])).atZone(zone));
            Customer customer = customer();
            for (int book : basket(customer)) {
                BookFacts facts = books.get(book);
                lines.add(String.join(
                        ",",
                        orderRef,
                        orderedAt,
                        facts.isbn(),
                        String.valueOf(1 + draw(QUANTITIES)),
                        yuan(price(facts.price(), festival)),
                        customer.ref));
            }
        }
        return lines;
    }

    private void weigh(LocalDate day) {
        boolean term = ShoppingSeasons.schoolTerm(day);
        double sum = 0;
        Arrays.fill(weight, 0);
        for (int i = 0; i < n; i++) {
            weight[i] = popularity[i] * (term && schoolBook[i] ? SCHOOL_TERM_LIFT : 1);
        }
        for (int h = 0; h < hits.length; h++) {
            long since = ChronoUnit.DAYS.between(launches[h], day);
            weight[hits[h]] = since < 0 ? 0 : weight[hits[h]] + popularity[0] * 3 * Math.exp(-since / 45.0);
        }
        for (int i = 0; i < n; i++) {
            sum += weight[i];
            cumulative[i] = sum;
        }
    }

    private boolean festival(LocalDate day) {
        return ShoppingSeasons.season(day) >= 1.5;
    }

    private int secondOfDay(LocalDate day) {
        int hour = draw(HOURS);
        // Midnight of 双十一 is when the pre-sales are paid.
        if (day.getMonthValue() == 11 && day.getDayOfMonth() == 11 && random.nextDouble() < 0.2) {
            hour = 0;
        }
        return hour * 3600 + random.nextInt(3600);
    }

    private Customer customer() {
        if (tickets.isEmpty() || random.nextDouble() < NEW_CUSTOMER_SHARE) {
            Customer customer = newCustomer(random.nextDouble() < ONE_TIME_SHARE);
            if (!customer.oneTime) {
                for (int t = 0; t < customer.appetite; t++) {
                    tickets.add(customer);
                }
            }
            return customer;
        }
        return tickets.get(random.nextInt(tickets.size()));
    }

    private Customer newCustomer(boolean oneTime) {
        // Appetite: Pareto-like, most come back now and then, a few very often.
        int appetite = (int) Math.min(40, Math.floor(1 / Math.pow(1 - random.nextDouble(), 1 / 1.4)));
        String favourite = categories[categoryOf(drawBook())];
        Customer customer =
                new Customer(String.format("M%06d", customers.size() + 1), favourite, oneTime, Math.max(1, appetite));
        customers.add(customer);
        return customer;
    }

    private int categoryOf(int book) {
        return Arrays.binarySearch(categories, books.get(book).mainCategory());
    }

    /** One to four different books: the first often of the customer's favourite category, the rest related. */
    private List<Integer> basket(Customer customer) {
        int size = 1 + draw(BASKET_SIZES);
        List<Integer> basket = new ArrayList<>(size);
        int first = random.nextDouble() < 0.5 ? drawFrom(byCategory.get(customer.favourite)) : drawBook();
        if (first < 0) {
            return basket;
        }
        basket.add(first);
        for (int attempt = 0; basket.size() < size && attempt < size * 6; attempt++) {
            double kind = random.nextDouble();
            int next;
            if (kind < 0.45) {
                List<String> authors =
                        books.get(basket.get(random.nextInt(basket.size()))).authors();
                next = authors.isEmpty()
                        ? drawBook()
                        : drawFrom(byAuthor.get(authors.get(random.nextInt(authors.size()))));
            } else if (kind < 0.8) {
                next = drawFrom(byCategory.get(books.get(first).mainCategory()));
            } else {
                next = drawBook();
            }
            if (next >= 0 && !basket.contains(next)) {
                basket.add(next);
            }
        }
        return basket;
    }

    /** A book by today's weights. */
    private int drawBook() {
        double total = cumulative[n - 1];
        if (total <= 0) {
            return random.nextInt(n);
        }
        int found = Arrays.binarySearch(cumulative, random.nextDouble() * total);
        int index = found >= 0 ? found : -found - 1;
        return Math.min(index, n - 1);
    }

    /** A book of a group by today's weights, or -1 if none of them sells today. */
    private int drawFrom(int[] group) {
        double total = 0;
        for (int book : group) {
            total += weight[book];
        }
        if (total <= 0) {
            return -1;
        }
        double point = random.nextDouble() * total;
        for (int book : group) {
            point -= weight[book];
            if (point < 0) {
                return book;
            }
        }
        return group[group.length - 1];
    }

    private long price(long listPrice, boolean festival) {
        if (random.nextDouble() >= (festival ? 0.6 : 0.12)) {
            return listPrice;
        }
        double discount = DISCOUNTS[random.nextInt(DISCOUNTS.length)];
        // To the jiao, as shops price.
        return Math.round(listPrice * discount / 10) * 10;
    }

    private int draw(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int[] shuffled(int count) {
        int[] ranks = new int[count];
        for (int i = 0; i < count; i++) {
            ranks[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = swap;
        }
        return ranks;
    }

    private static int indexOfRank(int[] ranks, int rank) {
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] == rank) {
                return i;
            }
        }
        return 0;
    }

    private Map<String, int[]> index(Function<BookFacts, List<String>> keys) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String key : keys.apply(books.get(i))) {
                groups.computeIfAbsent(Objects.requireNonNullElse(key, ""), k -> new ArrayList<>())
                        .add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>();
        groups.forEach((key, members) ->
                index.put(key, members.stream().mapToInt(Integer::intValue).toArray()));
        return index;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private record Customer(String ref, String favourite, boolean oneTime, int appetite) {}
}
