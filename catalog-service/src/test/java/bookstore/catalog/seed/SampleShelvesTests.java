package bookstore.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample shelves are real books: valid ISBNs, each once, about half of them Chinese. */
class SampleShelvesTests {

    static final List<SampleShelves.SeedBook> SHELVES = SampleShelves.read();

    @Test
    void holdAtLeast500Books() {
        assertThat(SHELVES).hasSizeGreaterThanOrEqualTo(500);
    }

    @Test
    void everyIsbnIsAValidIsbn13WithItsCheckDigit() {
        assertThat(SHELVES).allSatisfy(book -> {
            assertThat(book.isbn()).matches("97[89]\\d{10}");
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (book.isbn().charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            assertThat(book.isbn().charAt(12) - '0')
                    .as("check digit of %s (%s)", book.isbn(), book.title())
                    .isEqualTo((10 - sum % 10) % 10);
        });
    }

    @Test
    void noBookIsListedTwice() {
        assertThat(SHELVES.stream().map(SampleShelves.SeedBook::isbn)).doesNotHaveDuplicates();
    }

    @Test
    void aboutHalfAreChineseAndHalfEnglish() {
        long chinese =
                SHELVES.stream().filter(book -> book.language().equals("zh")).count();
        long english =
                SHELVES.stream().filter(book -> book.language().equals("en")).count();

        assertThat(chinese + english).isEqualTo(SHELVES.size());
        assertThat((double) chinese / SHELVES.size()).isBetween(0.4, 0.6);
    }

    @Test
    void includesTheClassicsTheIssueNames() {
        assertThat(SHELVES.stream().map(SampleShelves.SeedBook::title))
                .contains("红楼梦", "三体", "活着", "围城", "平凡的世界", "Pride and Prejudice", "1984");
    }

    @Test
    void everyBookPassesTheCataloguesOwnRules() {
        assertThat(SHELVES).allSatisfy(book -> {
            assertThat(book.toDraft()).isNotNull();
            assertThat(book.price()).isPositive();
            assertThat(book.initialStock()).isBetween(0, 1_000);
        });
        assertThat(SHELVES).anySatisfy(book -> assertThat(book.initialStock()).isZero());
    }
}
