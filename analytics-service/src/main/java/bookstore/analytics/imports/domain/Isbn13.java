package bookstore.analytics.imports.domain;

/** ISBN-13 as printed on a book: 13 digits, the EAN prefix 978 or 979, and a check digit that matches. */
public final class Isbn13 {

    private Isbn13() {}

    public static boolean isValid(String isbn) {
        if (isbn == null || isbn.length() != 13 || !(isbn.startsWith("978") || isbn.startsWith("979"))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = isbn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }
}
