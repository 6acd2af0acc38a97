package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseNamesTests {

    @Test
    void turnsATestClassNameIntoAPlainLowerCaseName() {
        assertThat(DatabaseNames.next("PlacingOrderIntegrationTests")).matches("placing_order_integration_tests_\\d+");
    }

    @Test
    void neverHandsOutTheSameNameTwice() {
        assertThat(DatabaseNames.next("Same")).isNotEqualTo(DatabaseNames.next("Same"));
    }

    @Test
    void startsWithALetterAndStaysShortWhateverTheLabel() {
        String name = DatabaseNames.next("42 ".repeat(40) + "订单");

        assertThat(name).matches("[a-z][a-z0-9_]*").hasSizeLessThanOrEqualTo(50);
    }
}
