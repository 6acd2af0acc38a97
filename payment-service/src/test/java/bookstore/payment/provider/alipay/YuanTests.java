package bookstore.payment.provider.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Fen in our code, yuan with two decimals on Alipay's wire, converted exactly both ways. */
class YuanTests {

    @Test
    void fenAreWrittenAsYuanWithTwoDecimals() {
        assertThat(Yuan.of(1_230)).isEqualTo("12.30");
        assertThat(Yuan.of(5)).isEqualTo("0.05");
        assertThat(Yuan.of(100)).isEqualTo("1.00");
        assertThat(Yuan.of(999_999_999_99L)).isEqualTo("999999999.99");
    }

    @Test
    void yuanAreReadAsFenWithoutRounding() {
        assertThat(Yuan.toFen("12.30")).isEqualTo(1_230);
        assertThat(Yuan.toFen("12.3")).isEqualTo(1_230);
        assertThat(Yuan.toFen("88.88")).isEqualTo(8_888);
        // 0.1 + 0.2 in binary floating point is not 0.3; in fen it is 30.
        assertThat(Yuan.toFen("0.1") + Yuan.toFen("0.2")).isEqualTo(Yuan.toFen("0.3"));
    }

    @Test
    void fractionsOfAFenOrWhatIsNoAmountAreRefused() {
        assertThatThrownBy(() -> Yuan.toFen("0.001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Yuan.toFen("twelve")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Yuan.toFen(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
