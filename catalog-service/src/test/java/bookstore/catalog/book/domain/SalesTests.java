package bookstore.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesTests {

    @Test
    void aSaleAddsItsCopiesAndAReturnTakesThemAwayEachAsOneMoreFact() {
        Sales counted = Sales.NONE.count(5).count(-3);

        assertThat(counted).isEqualTo(new Sales(2, 2));
        assertThat(Sales.NONE.count(5).isOlderThan(counted.revision())).isTrue();
    }

    @Test
    void aReturnOfMoreThanTheCountHoldsLeavesZero() {
        assertThat(new Sales(1, 4).count(-3)).isEqualTo(new Sales(0, 5));
    }
}
