import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The shop the benchmark pretends to have had, generated the same for the same seed: books with categories and
 * publishers, a long-tail popularity over them (Zipf), customers as 64-hex pseudonyms (a few loyal ones buying
 * often), and days of orders with a week rhythm, 618 and Double Eleven peaks and noise.
 */
final class History {

    static final String CURRENCY = "CNY";
    static final List<String> CATEGORIES = List.of(
            "Fiction", "Literature", "History", "Philosophy", "Economics", "Management", "Psychology",
            "Computers", "Science", "Popular Science", "Children", "Young Adult", "Comics", "Art",
            "Travel", "Cooking", "Health", "Education", "Language", "Law", "Politics", "Biography",
            "Poetry", "Mystery");

    record Book(String id, String isbn, String title, List<String> authors, long price, String publisher,
            List<String> categories, int onHand, int reserved) {}

    record Line(Book book, int quantity) {}

    record Order(String id, String customer, Instant placedAt, Instant confirmedAt, List<Line> lines) {
        long total() {
            return lines.stream().mapToLong(line -> line.book().price() * line.quantity()).sum();
        }
    }

    final List<Book> books;
    final List<String> customers;
    private final double[] bookWeights; // cumulative, by popularity rank
    private final double[] customerWeights;
    private final Random random;
    private final ZoneId zone;

    History(int bookCount, int customerCount, double popularitySkew, long seed, ZoneId zone) {
        this.random = new Random(seed);
        this.zone = zone;
        List<Book> generated = new ArrayList<>(bookCount);
        for (int n = 0; n < bookCount; n++) {
            generated.add(book(n));
        }
        this.books = List.copyOf(generated);
        List<String> pseudonyms = new ArrayList<>(customerCount);
        for (int n = 0; n < customerCount; n++) {
            pseudonyms.add(sha256Hex("bench-customer-" + seed + "-" + n));
        }
        this.customers = List.copyOf(pseudonyms);
        this.bookWeights = cumulativeZipf(bookCount, popularitySkew);
        this.customerWeights = cumulativeZipf(customerCount, 0.8);
    }

    /** The most popular book (rank 1 of the long tail). */
    Book busiest() {
        return books.getFirst();
    }

    private Book book(int n) {
        UUID id = UUID.nameUUIDFromBytes(("bench-book-" + n).getBytes(StandardCharsets.UTF_8));
        String first = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        List<String> categories = random.nextInt(4) == 0
                ? List.of(first, CATEGORIES.get(random.nextInt(CATEGORIES.size()))).stream().distinct().toList()
                : List.of(first);
        List<String> authors = random.nextInt(10) == 0
                ? List.of("Author " + random.nextInt(30_000), "Author " + random.nextInt(30_000))
                : List.of("Author " + random.nextInt(30_000));
        long price = 1_500 + 100L * random.nextInt(1_350); // 15.00 to 149.90 yuan in fen
        int onHand = random.nextInt(10) == 0 ? 0 : random.nextInt(300);
        int reserved = onHand == 0 ? 0 : random.nextInt(Math.min(onHand, 5) + 1);
        return new Book(id.toString(), isbn(978_000_000_000L + n), "Bench book " + n, authors, price,
                "Publisher " + random.nextInt(400), categories, onHand, reserved);
    }

    /** ISBN-13 with its check digit from the first twelve digits. */
    static String isbn(long twelveDigits) {
        String digits = Long.toString(twelveDigits);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** How many orders a day of the shop's calendar has: the base, the week's rhythm, the shopping festivals, noise. */
    int ordersOn(LocalDate day, int base) {
        double factor = switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> 1.25;
            case FRIDAY -> 1.1;
            default -> 0.9;
        };
        if (day.getMonthValue() == 11 && day.getDayOfMonth() == 11) {
            factor *= 4;
        } else if (day.getMonthValue() == 11 && day.getDayOfMonth() >= 1 && day.getDayOfMonth() <= 12) {
            factor *= 1.5;
        } else if (day.getMonthValue() == 6 && day.getDayOfMonth() == 18) {
            factor *= 2.5;
        } else if (day.getMonthValue() == 2 && day.getDayOfMonth() <= 10) {
            factor *= 0.6; // around the Spring Festival
        } else if (day.getMonthValue() == 9 && day.getDayOfMonth() <= 7 || day.getDayOfWeek() == DayOfWeek.MONDAY
                && day.getMonthValue() == 3 && day.getDayOfMonth() <= 7) {
            factor *= 1.3; // school terms start
        }
        double noise = 0.8 + 0.4 * random.nextDouble();
        return (int) Math.round(base * factor * noise);
    }

    /** One order placed on the day: 1-4 distinct lines from the long tail, mostly one copy each. */
    Order order(long number, LocalDate day) {
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        // Busier in the evening: the later of two uniform times of day.
        long second = Math.max(random.nextInt(86_400), random.nextInt(86_400));
        Instant placedAt = dayStart.plusSeconds(second).plusMillis(random.nextInt(1000));
        Instant confirmedAt = placedAt.plusMillis(2_000 + random.nextInt(60_000));
        int roll = random.nextInt(100);
        int lineCount = roll < 50 ? 1 : roll < 80 ? 2 : roll < 95 ? 3 : 4;
        List<Line> lines = new ArrayList<>(lineCount);
        List<Book> chosen = new ArrayList<>(lineCount);
        while (chosen.size() < lineCount) {
            Book book = books.get(pick(bookWeights));
            if (!chosen.contains(book)) {
                chosen.add(book);
                lines.add(new Line(book, random.nextInt(100) < 85 ? 1 : 2 + random.nextInt(2)));
            }
        }
        String customer = customers.get(pick(customerWeights));
        String id = UUID.nameUUIDFromBytes(("bench-order-" + number).getBytes(StandardCharsets.UTF_8)).toString();
        return new Order(id, customer, placedAt, confirmedAt, lines);
    }

    UUID eventId(String kind, String subject, int line) {
        return UUID.nameUUIDFromBytes((kind + "/" + subject + "/" + line).getBytes(StandardCharsets.UTF_8));
    }

    private int pick(double[] cumulative) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(index < 0 ? -index - 1 : index, cumulative.length - 1);
    }

    private static double[] cumulativeZipf(int count, double skew) {
        double[] cumulative = new double[count];
        double sum = 0;
        for (int rank = 1; rank <= count; rank++) {
            sum += 1 / Math.pow(rank, skew);
            cumulative[rank - 1] = sum;
        }
        return cumulative;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
