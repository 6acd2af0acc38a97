package bookstore.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void isCnyUnlessSaidOtherwise() {
        assertThat(Money.of(2300, null)).isEqualTo(new Money(2300, "CNY"));
        assertThat(Money.of(999, "USD").currency()).isEqualTo("USD");
    }

    @Test
    void printsMinorUnitsInTheCurrencysOwnPrecision() {
        assertThat(Money.cny(2350)).hasToString("23.50 CNY");
        assertThat(new Money(1500, "JPY")).hasToString("1500 JPY");
    }

    @Test
    void refusesNegativeAmountsAndUnknownCurrencies() {
        assertThatThrownBy(() -> Money.cny(-1)).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> new Money(100, "ABC")).isInstanceOf(InvalidBookException.class);
        assertThatThrownBy(() -> new Money(100, "cny")).isInstanceOf(InvalidBookException.class);
    }

    @Test
    void comparesOnlyInTheSameCurrency() {
        assertThat(Money.cny(200).isGreaterThan(Money.cny(100))).isTrue();
        assertThatThrownBy(() -> Money.cny(200).isGreaterThan(new Money(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
