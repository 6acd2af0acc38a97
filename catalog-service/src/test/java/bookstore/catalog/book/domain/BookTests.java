package bookstore.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookTests {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LATER = NOW.plusSeconds(60);

    @Test
    void newBookIsActiveAndRecordsThatItWasAddedWithItsStock() {
        Book book = threeBody(12);

        assertThat(book.status()).isEqualTo(BookStatus.ACTIVE);
        assertThat(book.availability().available()).isEqualTo(12);
        assertThat(book.changes()).containsExactly(new BookChange.Added(NOW, 12));
    }

    @Test
    void repricingRecordsThePreviousAndTheNewPrice() {
        Book book = stored(threeBody(0));

        book.reprice(Money.cny(3900), LATER);

        assertThat(book.price()).isEqualTo(Money.cny(3900));
        assertThat(book.changes()).containsExactly(new BookChange.Repriced(LATER, Money.cny(2300), Money.cny(3900)));
        assertThat(book.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aChangeToTheSameValuesRecordsNothing() {
        Book book = stored(threeBody(0));

        book.revise(book.isbn(), book.details(), LATER);
        book.reprice(book.price(), LATER);

        assertThat(book.changes()).isEmpty();
        assertThat(book.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void discontinuedBookRefusesEveryFurtherChange() {
        Book book = stored(threeBody(0));
        book.discontinue(LATER);

        assertThat(book.status()).isEqualTo(BookStatus.DISCONTINUED);
        assertThat(book.isActive()).isFalse();
        assertThatThrownBy(() -> book.discontinue(LATER)).isInstanceOf(BookDiscontinuedException.class);
        assertThatThrownBy(() -> book.reprice(Money.cny(100), LATER)).isInstanceOf(BookDiscontinuedException.class);
        assertThatThrownBy(() -> book.revise(book.isbn(), book.details(), LATER))
                .isInstanceOf(BookDiscontinuedException.class);
    }

    @Test
    void priceMustBeAboveZeroAndNotAbsurd() {
        assertThatThrownBy(() -> Book.add(BookId.generate(), isbn(), details("Free"), Money.cny(0), 0, NOW))
                .isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> Book.add(
                        BookId.generate(), isbn(), details("Gold"), Money.cny(Book.MAX_PRICE_MINOR_UNITS + 1), 0, NOW))
                .isInstanceOf(InvalidBookException.class)
                .extracting(e -> ((InvalidBookException) e).field())
                .isEqualTo("price.amount");
    }

    @Test
    void initialStockMustBePlausible() {
        assertThatThrownBy(() -> Book.add(BookId.generate(), isbn(), details("x"), Money.cny(100), -1, NOW))
                .isInstanceOf(InvalidBookException.class);
    }

    @Test
    void detailsAreTrimmedAndLimited() {
        BookDetails details = new BookDetails(
                "  三体  ", " ", List.of("刘慈欣", " ", "刘慈欣"), null, null, null, "zh", null, null, null, null, null, null);

        assertThat(details.title()).isEqualTo("三体");
        assertThat(details.subtitle()).isNull();
        assertThat(details.authors()).containsExactly("刘慈欣");
        assertThatThrownBy(() -> details("x".repeat(BookDetails.MAX_TITLE + 1)))
                .isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> new BookDetails(
                        "t", null, List.of(), null, null, null, "zh", null, null, null, null, null, null))
                .isInstanceOf(InvalidBookException.class)
                .hasMessageContaining("authors");
        assertThatThrownBy(() -> new BookDetails(
                        "t", null, List.of("a"), null, null, null, "Chinese!", null, null, null, null, null, null))
                .isInstanceOf(InvalidBookException.class);
    }

    static Book threeBody(int stock) {
        return Book.add(BookId.generate(), new Isbn("9787536692930"), details("三体"), Money.cny(2300), stock, NOW);
    }

    static Book stored(Book book) {
        return Book.restore(
                book.id(),
                book.version(),
                book.isbn(),
                book.details(),
                book.price(),
                book.status(),
                book.availability(),
                book.sales(),
                book.createdAt(),
                book.updatedAt());
    }

    static Isbn isbn() {
        return new Isbn("9787536693968");
    }

    static BookDetails details(String title) {
        return new BookDetails(
                title,
                null,
                List.of("刘慈欣"),
                null,
                "重庆出版社",
                PublicationDate.parse("2008-01"),
                "zh",
                List.of("Science Fiction"),
                302,
                BookFormat.PAPERBACK,
                null,
                null,
                null);
    }
}
