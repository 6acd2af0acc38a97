package bookstore.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IsbnTests {

    @Test
    void readsAnIsbn13WithOrWithoutHyphensAndSpaces() {
        assertThat(Isbn.parse("9787536692930")).isEqualTo(new Isbn("9787536692930"));
        assertThat(Isbn.parse("978-7-5366-9293-0")).isEqualTo(new Isbn("9787536692930"));
        assertThat(Isbn.parse(" 978 7 5366 9293 0 ")).isEqualTo(new Isbn("9787536692930"));
    }

    @Test
    void convertsAnIsbn10ToItsIsbn13() {
        assertThat(Isbn.parse("7-5366-9293-5")).isEqualTo(new Isbn("9787536692930"));
        assertThat(Isbn.parse("0-14-143951-3").value()).isEqualTo("9780141439518");
    }

    @Test
    void acceptsXAsTheCheckDigitOfAnIsbn10() {
        assertThat(Isbn.parse("043965548X").value()).isEqualTo("9780439655484");
        assertThat(Isbn.parse("043965548x").value()).isEqualTo("9780439655484");
    }

    @Test
    void givesBackTheIsbn10OfA978Number() {
        assertThat(new Isbn("9780439655484").isbn10()).contains("043965548X");
        assertThat(new Isbn("9787536692930").isbn10()).contains("7536692935");
        assertThat(new Isbn("9791032305690").isbn10()).isEmpty();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThatThrownBy(() -> Isbn.parse("9787536692931"))
                .isInstanceOf(InvalidBookException.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> Isbn.parse("7536692937")).isInstanceOf(InvalidBookException.class);
    }

    @Test
    void refusesWhatIsNotAnIsbn() {
        assertThatThrownBy(() -> Isbn.parse("")).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> Isbn.parse("12345")).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> Isbn.parse("abcdefghij")).isInstanceOf(InvalidBookException.class);
        // Thirteen digits with a valid checksum, but not in the book prefixes 978/979.
        assertThatThrownBy(() -> Isbn.parse("4006381333931")).isInstanceOf(InvalidBookException.class);
    }

    @Test
    void tryParseTellsWithoutThrowing() {
        assertThat(Isbn.tryParse("978-7-5366-9293-0")).isPresent();
        assertThat(Isbn.tryParse("三体")).isEmpty();
    }
}
