package bookstore.catalog;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid, made-up ISBN-13s for tests that need a fresh one: 979-prefixed, so never a real 978 book, unless a test needs
 * the 978 prefix (and with it an ISBN-10).
 */
public final class TestIsbns {

    private TestIsbns() {}

    public static String next() {
        return next("979");
    }

    /**
     * A made-up ISBN-13 with the 978 prefix, for tests that need the book's ISBN-10 too. Random, so it is as good as
     * never one of the sample shelves' real books.
     */
    public static String next978() {
        return next("978");
    }

    /** The ISBN-10 of a 978-prefixed ISBN-13: its middle nine digits and their own check digit (10 is X). */
    public static String isbn10Of(String isbn13) {
        String body = isbn13.substring(3, 12);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return body + (check == 10 ? "X" : String.valueOf(check));
    }

    private static String next(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        for (int i = 0; i < 9; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
