package bookstore.analytics.imports.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A file of past sales read line by line, each line checked as it comes, so a large file is never held as text.
 * Nothing of it may be published unless {@link #isAcceptable()}: every line valid, no order naming a book twice.
 *
 * <p>Not thread-safe: one file is read by one reader, in order.
 */
public final class PastSalesFile {

    /** How many problems a refusal lists; the rest are only counted. */
    public static final int LISTED_PROBLEMS = 50;

    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_REFERENCE_LENGTH = 100;
    /** A unit price above a million yuan is a typo, not a book. */
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Map<String, String> bookIdsByIsbn;
    private final Instant now;
    private final ZoneId zone;
    private final Instant earliest;
    private final MessageDigest content;

    private final List<LineProblem> problems = new ArrayList<>();
    private final List<PastSale> sales = new ArrayList<>();
    /** Per order reference: its first line and customer, and the books it named with their lines. */
    private final Map<String, OrderSeen> orders = new HashMap<>();

    private final Set<String> customers = new HashSet<>();
    private final Set<String> books = new HashSet<>();
    private int problemCount;
    private int lineNumber;
    private int[] columns;
    private Instant from;
    private Instant to;

    /**
     * @param bookIdsByIsbn the catalogue's books by ISBN-13
     * @param now sales after this are refused
     * @param zone the shop's calendar, for times written without an offset
     */
    public PastSalesFile(Map<String, String> bookIdsByIsbn, Instant now, ZoneId zone) {
        this.bookIdsByIsbn = Map.copyOf(bookIdsByIsbn);
        this.now = now;
        this.zone = zone;
        this.earliest = EARLIEST.atStartOfDay(zone).toInstant();
        try {
            this.content = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Takes the file's next line (without its line break): the header first, then one sale per line. */
    public void read(String text) {
        lineNumber++;
        String line =
                lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        content.update(line.getBytes(StandardCharsets.UTF_8));
        content.update((byte) '\n');
        if (line.isBlank()) {
            return;
        }
        if (columns == null) {
            header(line);
        } else if (columns.length > 0) {
            sale(line);
        }
    }

    private void header(String line) {
        List<String> names;
        try {
            names = SalesCsv.fields(line).stream()
                    .map(name -> name.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (IllegalArgumentException e) {
            names = List.of();
        }
        int[] found = new int[SalesCsv.COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < found.length; c++) {
            found[c] = names.indexOf(SalesCsv.COLUMNS.get(c));
            if (found[c] < 0) {
                missing.add(SalesCsv.COLUMNS.get(c));
            }
        }
        List<String> unknown =
                names.stream().filter(name -> !SalesCsv.COLUMNS.contains(name)).toList();
        boolean repeated = names.stream().distinct().count() < names.size();
        if (!missing.isEmpty() || !unknown.isEmpty() || repeated) {
            problem(
                    null,
                    "The first line must name the columns " + SalesCsv.HEADER
                            + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                            + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))
                            + (repeated ? "; a column is named twice" : "") + ".");
            // Nothing after a header that cannot be read is worth checking.
            columns = new int[0];
            return;
        }
        columns = found;
    }

    private void sale(String line) {
        List<String> fields;
        try {
            fields = SalesCsv.fields(line);
        } catch (IllegalArgumentException e) {
            problem(null, "Not a CSV line: " + e.getMessage() + ".");
            return;
        }
        if (fields.size() != SalesCsv.COLUMNS.size()) {
            problem(null, "Has " + fields.size() + " columns; " + SalesCsv.COLUMNS.size() + " expected.");
            return;
        }
        int before = problemCount;
        String orderRef = reference(fields, SalesCsv.ORDER_REF);
        Instant orderedAt = orderedAt(field(fields, SalesCsv.ORDERED_AT));
        String isbn = field(fields, SalesCsv.ISBN).replace("-", "");
        String bookId = book(isbn);
        Integer quantity = quantity(field(fields, SalesCsv.QUANTITY));
        Long unitPrice = unitPrice(field(fields, SalesCsv.UNIT_PRICE));
        String customerRef = reference(fields, SalesCsv.CUSTOMER_REF);
        if (orderRef != null && bookId != null && customerRef != null) {
            orderRef = sameOrder(orderRef, bookId, customerRef);
        }
        if (problemCount > before) {
            return;
        }
        customers.add(customerRef);
        books.add(bookId);
        from = from == null || orderedAt.isBefore(from) ? orderedAt : from;
        to = to == null || orderedAt.isAfter(to) ? orderedAt : to;
        sales.add(new PastSale(lineNumber, orderRef, orderedAt, isbn, bookId, quantity, unitPrice, customerRef));
    }

    private String field(List<String> fields, String column) {
        return fields.get(columns[SalesCsv.COLUMNS.indexOf(column)]);
    }

    private String reference(List<String> fields, String column) {
        String value = field(fields, column);
        if (value.isEmpty()) {
            problem(column, "Is empty.");
            return null;
        }
        if (value.length() > MAX_REFERENCE_LENGTH) {
            problem(column, "Is longer than " + MAX_REFERENCE_LENGTH + " characters.");
            return null;
        }
        return value;
    }

    private Instant orderedAt(String value) {
        Instant at;
        try {
            at = parseTime(value);
        } catch (DateTimeException e) {
            problem(
                    SalesCsv.ORDERED_AT,
                    "'" + shortened(value) + "' is not an ISO-8601 date-time such as 2024-11-11T20:15:00+08:00.");
            return null;
        }
        if (at.isAfter(now)) {
            problem(SalesCsv.ORDERED_AT, "Is in the future.");
            return null;
        }
        if (at.isBefore(earliest)) {
            problem(SalesCsv.ORDERED_AT, "Is before 2000.");
            return null;
        }
        return at;
    }

    /** With an offset (or Z) as written; without one, on the shop's calendar. A space may stand for the T. */
    private Instant parseTime(String value) {
        String iso = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11)
                : value;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException withoutOffset) {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        }
    }

    private String book(String isbn) {
        if (!Isbn13.isValid(isbn)) {
            problem(SalesCsv.ISBN, "'" + shortened(isbn) + "' is not an ISBN-13 (13 digits, 978 or 979, check digit).");
            return null;
        }
        String bookId = bookIdsByIsbn.get(isbn);
        if (bookId == null) {
            problem(SalesCsv.ISBN, "No book with ISBN " + isbn + " is in the catalogue.");
        }
        return bookId;
    }

    private Integer quantity(String value) {
        int quantity;
        try {
            quantity = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problem(SalesCsv.QUANTITY, "'" + shortened(value) + "' is not a whole number.");
            return null;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            problem(SalesCsv.QUANTITY, "Must be between 1 and " + MAX_QUANTITY + ", was " + quantity + ".");
            return null;
        }
        return quantity;
    }

    private Long unitPrice(String value) {
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(value);
        } catch (NumberFormatException e) {
            problem(SalesCsv.UNIT_PRICE, "'" + shortened(value) + "' is not an amount in yuan such as 45.80.");
            return null;
        }
        if (yuan.signum() < 0
                || yuan.compareTo(MAX_PRICE) > 0
                || yuan.stripTrailingZeros().scale() > 2) {
            problem(
                    SalesCsv.UNIT_PRICE,
                    "Must be an amount in yuan from 0 to " + MAX_PRICE.toPlainString()
                            + " with at most 2 decimals, was " + shortened(value) + ".");
            return null;
        }
        return yuan.movePointRight(2).longValueExact();
    }

    /** The order's one instance of its reference; a book named twice, or a second customer, is refused. */
    private String sameOrder(String orderRef, String bookId, String customerRef) {
        OrderSeen order = orders.get(orderRef);
        if (order == null) {
            order = new OrderSeen(orderRef, customerRef, lineNumber, new HashMap<>(4));
            orders.put(orderRef, order);
        } else if (!order.customerRef().equals(customerRef)) {
            problem(
                    SalesCsv.CUSTOMER_REF,
                    "Order " + orderRef + " was for another customer on line " + order.firstLine() + ".");
        }
        Integer earlier = order.lineByBook().putIfAbsent(bookId, lineNumber);
        if (earlier != null) {
            problem(SalesCsv.ISBN, "Repeats line " + earlier + ": order " + orderRef + " names this book twice.");
        }
        return order.orderRef();
    }

    private void problem(String column, String message) {
        problemCount++;
        if (problems.size() < LISTED_PROBLEMS) {
            problems.add(new LineProblem(lineNumber, column, message));
        }
    }

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** Whether the file was a header and nothing but valid lines. */
    public boolean isAcceptable() {
        return columns != null && problemCount == 0;
    }

    /** Whether the file had no header, or one without the expected columns: not a file of past sales at all. */
    public boolean isUnreadable() {
        return columns == null || columns.length == 0;
    }

    /** The first {@link #LISTED_PROBLEMS} problems, in the order of the file. */
    public List<LineProblem> problems() {
        if (columns == null && problems.isEmpty()) {
            return List.of(
                    new LineProblem(1, null, "The file is empty; its first line must be " + SalesCsv.HEADER + "."));
        }
        return List.copyOf(problems);
    }

    public int problemCount() {
        return columns == null ? Math.max(1, problemCount) : problemCount;
    }

    /** The checked sales, in the order of the file. */
    public List<PastSale> sales() {
        if (!isAcceptable()) {
            throw new IllegalStateException("A file with problems has no sales to publish");
        }
        return List.copyOf(sales);
    }

    /** The import's identity, from the file's text (line breaks and a byte order mark aside). */
    public String importId() {
        try {
            byte[] digest = ((MessageDigest) content.clone()).digest();
            return UUID.nameUUIDFromBytes(
                            ("sales-import:" + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.UTF_8))
                    .toString();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    /** The event id of a sale of this import: the same file and line always give the same id. */
    public static UUID eventIdOf(String importId, PastSale sale) {
        return UUID.nameUUIDFromBytes((importId + "/line/" + sale.line()).getBytes(StandardCharsets.UTF_8));
    }

    public ImportSummary summary() {
        return new ImportSummary(importId(), sales.size(), orders.size(), books.size(), customers.size(), from, to);
    }

    private record OrderSeen(String orderRef, String customerRef, int firstLine, Map<String, Integer> lineByBook) {}
}
