package bookstore.catalog.book.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a book was published, as precisely as the publisher says: a year ({@code 1605}), a month
 * ({@code 2008-01}) or a day ({@code 2012-08-01}). Imprints usually print only the month, and
 * inventing a day would be worse than not knowing it.
 */
public record PublicationDate(int year, Integer month, Integer day) {

    private static final int FIRST_PRINTED_BOOK = 1450;

    public PublicationDate {
        if (year < FIRST_PRINTED_BOOK || year > LocalDate.now().getYear() + 2) {
            throw new InvalidBookException("publicationDate", "the publication year " + year + " is not plausible");
        }
        if (day != null && month == null) {
            throw new InvalidBookException("publicationDate", "a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidBookException("publicationDate", "month must be 1 to 12");
        }
        if (day != null && (day < 1 || day > YearMonth.of(year, month).lengthOfMonth())) {
            throw new InvalidBookException("publicationDate", "no such day in " + YearMonth.of(year, month));
        }
    }

    /** Reads {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. */
    public static PublicationDate parse(String text) {
        if (text == null || !text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new InvalidBookException("publicationDate", "a publication date reads yyyy, yyyy-MM or yyyy-MM-dd");
        }
        String[] parts = text.split("-");
        return new PublicationDate(
                Integer.parseInt(parts[0]),
                parts.length > 1 ? Integer.valueOf(parts[1]) : null,
                parts.length > 2 ? Integer.valueOf(parts[2]) : null);
    }

    /** The first day the date can mean, for sorting by "newest". */
    public LocalDate earliestDay() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    @Override
    public String toString() {
        if (month == null) {
            return String.format("%04d", year);
        }
        return day == null
                ? String.format("%04d-%02d", year, month)
                : String.format("%04d-%02d-%02d", year, month, day);
    }
}
