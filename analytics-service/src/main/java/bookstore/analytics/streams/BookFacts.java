package bookstore.analytics.streams;

import java.util.List;

/**
 * What analytics knows of a book from {@code catalog.books.v1}: the dimensions reports group by.
 *
 * @param price current price in minor units
 */
public record BookFacts(
        String bookId,
        String isbn,
        String title,
        List<String> authors,
        String publisher,
        List<String> categories,
        long price,
        String currency,
        boolean discontinued) {

    public BookFacts {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The book described anew (a catalogue revision); what the revision does not say is kept. */
    public BookFacts revised(
            String isbn, String title, List<String> authors, String publisher, List<String> categories) {
        // Version 1 revisions carry neither publisher nor categories: keep what was known.
        boolean described = categories != null;
        return new BookFacts(
                bookId,
                isbn,
                title,
                authors,
                described ? publisher : this.publisher,
                described ? categories : this.categories,
                price,
                currency,
                discontinued);
    }

    public BookFacts repriced(long price, String currency) {
        return new BookFacts(bookId, isbn, title, authors, publisher, categories, price, currency, discontinued);
    }

    public BookFacts discontinuedNow() {
        return new BookFacts(bookId, isbn, title, authors, publisher, categories, price, currency, true);
    }

    /** The category reports file the book under: its first, or "Uncategorised". */
    public String mainCategory() {
        return categories.isEmpty() ? UNCATEGORISED : categories.getFirst();
    }

    public static final String UNCATEGORISED = "Uncategorised";
}
