package bookstore.analytics.imports;

import bookstore.analytics.streams.BookFacts;
import java.util.ArrayList;
import java.util.List;

/** Made-up books shaped like the sample shelves: valid 979 ISBNs, the shelves' categories, authors of a few books. */
public final class TestBooks {

    /** The sample shelves' categories, the commonest first, each as often as there. */
    private static final List<String> CATEGORIES = categories();

    private TestBooks() {}

    /** A valid ISBN-13 made from a number: the same number, the same ISBN. */
    public static String isbn(long number) {
        String body = String.format("979%09d", number % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** {@code count} books, ids {@code prefix-<n>}, priced 20 to 120 yuan, authors of one to four books each. */
    public static List<BookFacts> shelves(String prefix, long firstIsbn, int count) {
        List<BookFacts> books = new ArrayList<>(count);
        int author = 0;
        int leftOfAuthor = 0;
        for (int i = 0; i < count; i++) {
            if (leftOfAuthor == 0) {
                author++;
                leftOfAuthor = 1 + (author * 7) % 4;
            }
            leftOfAuthor--;
            books.add(new BookFacts(
                    prefix + "-" + i,
                    isbn(firstIsbn + i),
                    "Book " + i,
                    List.of("Author " + author),
                    "Publisher " + (i % 12),
                    List.of(CATEGORIES.get((i * 37) % CATEGORIES.size())),
                    2_000 + (i * 1_310L) % 10_000 / 10 * 10,
                    "CNY",
                    false));
        }
        return books;
    }

    private static List<String> categories() {
        List<String> categories = new ArrayList<>();
        Object[][] counts = {
            {"World Literature", 83},
            {"Science Fiction", 68},
            {"Classics", 61},
            {"Young Adult", 51},
            {"Literature", 49},
            {"Mystery", 43},
            {"Popular Science", 43},
            {"Fantasy", 43},
            {"History", 32},
            {"Romance", 30},
            {"Children", 21},
            {"Wuxia", 20},
            {"Historical", 17},
            {"Essays", 13},
            {"Biography", 13}
        };
        for (Object[] count : counts) {
            for (int i = 0; i < (int) count[1]; i++) {
                categories.add((String) count[0]);
            }
        }
        return List.copyOf(categories);
    }
}
