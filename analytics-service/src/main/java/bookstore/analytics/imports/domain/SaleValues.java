package bookstore.analytics.imports.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The values of a line of past sales, each read from its field and checked on its own. A value that is not valid
 * is told to the problem sink and read as null.
 */
final class SaleValues {

    static final int MAX_QUANTITY = 10_000;
    static final int MAX_REFERENCE_LENGTH = 100;
    /** A unit price above a million yuan is a typo, not a book. */
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** Where a problem with a value goes: its column and what is wrong. */
    interface Problems {
        void add(String column, String message);
    }

    private final Instant now;
    private final ZoneId zone;
    private final Instant earliest;
    private final Problems problems;

    /**
     * @param now times after it are refused
     * @param zone the shop's calendar, for times written without an offset
     */
    SaleValues(Instant now, ZoneId zone, Problems problems) {
        this.now = now;
        this.zone = zone;
        this.earliest = EARLIEST.atStartOfDay(zone).toInstant();
        this.problems = problems;
    }

    /** The ISBN-13 without the hyphens it is often printed with. */
    String isbn(String value) {
        String isbn = value.replace("-", "");
        if (!Isbn13.isValid(isbn)) {
            problem(
                    SalesCsv.ISBN,
                    "'" + shortened(value) + "' is not an ISBN-13 (13 digits, 978 or 979, check digit).");
            return null;
        }
        return isbn;
    }

    String reference(String column, String value) {
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

    Instant orderedAt(String value) {
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

    Integer quantity(String value) {
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

    Long unitPrice(String value) {
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

    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private void problem(String column, String message) {
        problems.add(column, message);
    }
}
