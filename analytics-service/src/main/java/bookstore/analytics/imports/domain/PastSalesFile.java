package bookstore.analytics.imports.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Map<String, String> bookIdsByIsbn;
    private final SaleValues values;
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
        this.values = new SaleValues(now, zone, this::problem);
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
        String orderRef = values.reference(SalesCsv.ORDER_REF, field(fields, SalesCsv.ORDER_REF));
        Instant orderedAt = values.orderedAt(field(fields, SalesCsv.ORDERED_AT));
        String isbn = values.isbn(field(fields, SalesCsv.ISBN));
        String bookId = isbn == null ? null : book(isbn);
        Integer quantity = values.quantity(field(fields, SalesCsv.QUANTITY));
        Long unitPrice = values.unitPrice(field(fields, SalesCsv.UNIT_PRICE));
        String customerRef = values.reference(SalesCsv.CUSTOMER_REF, field(fields, SalesCsv.CUSTOMER_REF));
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

    private String book(String isbn) {
        String bookId = bookIdsByIsbn.get(isbn);
        if (bookId == null) {
            problem(SalesCsv.ISBN, "No book with ISBN " + isbn + " is in the catalogue.");
        }
        return bookId;
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
