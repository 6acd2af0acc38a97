package bookstore.catalog.book.domain;

import java.util.Optional;

/**
 * An International Standard Book Number, always held as its 13 digits. ISBN-10s are accepted and
 * converted (prefix 978, new check digit); hyphens and spaces, as printed on covers, are ignored.
 * Two spellings of the same book therefore compare equal, which is what makes the ISBN unique.
 */
public record Isbn(String value) {

    public Isbn {
        if (value == null || !value.matches("97[89]\\d{10}") || checkDigit13(value) != value.charAt(12) - '0') {
            throw new InvalidBookException("isbn", "'" + value + "' is not a valid ISBN-13");
        }
    }

    /** Reads an ISBN-10 or ISBN-13 as people write it, e.g. {@code 978-7-5366-9293-0} or {@code 7-5366-9293-5}. */
    public static Isbn parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidBookException("isbn", "an ISBN is required");
        }
        String compact = text.strip().replaceAll("[\\s-]", "").toUpperCase();
        if (compact.matches("\\d{9}[\\dX]")) {
            return fromIsbn10(compact);
        }
        if (compact.matches("\\d{13}")) {
            if (!compact.startsWith("978") && !compact.startsWith("979")) {
                throw new InvalidBookException("isbn", "an ISBN-13 starts with 978 or 979");
            }
            if (checkDigit13(compact) != compact.charAt(12) - '0') {
                throw new InvalidBookException("isbn", "'" + text.strip() + "' has a wrong check digit");
            }
            return new Isbn(compact);
        }
        throw new InvalidBookException("isbn", "an ISBN has 10 or 13 digits (hyphens allowed)");
    }

    /** Whether the text is a well-formed ISBN, for callers that only want to know (e.g. a search box). */
    public static Optional<Isbn> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidBookException e) {
            return Optional.empty();
        }
    }

    /** The ISBN-10 of books numbered before 2007, if this number has one (only the 978 prefix does). */
    public Optional<String> isbn10() {
        if (!value.startsWith("978")) {
            return Optional.empty();
        }
        String body = value.substring(3, 12);
        int check = checkDigit10(body);
        return Optional.of(body + (check == 10 ? "X" : String.valueOf(check)));
    }

    @Override
    public String toString() {
        return value;
    }

    private static Isbn fromIsbn10(String isbn10) {
        String body = isbn10.substring(0, 9);
        char given = isbn10.charAt(9);
        int expected = checkDigit10(body);
        if ((expected == 10 ? 'X' : (char) ('0' + expected)) != given) {
            throw new InvalidBookException("isbn", "'" + isbn10 + "' has a wrong check digit");
        }
        String twelve = "978" + body;
        return new Isbn(twelve + checkDigit13(twelve));
    }

    /** Weights 1,3,1,3… over the first twelve digits; the check digit completes the sum to a multiple of 10. */
    static int checkDigit13(String digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    /** Weights 10 down to 2 over nine digits, modulo 11; 10 is written X. */
    static int checkDigit10(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        return (11 - sum % 11) % 11;
    }
}
