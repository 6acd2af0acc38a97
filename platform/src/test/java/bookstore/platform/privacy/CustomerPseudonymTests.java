package bookstore.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CustomerPseudonymTests {

    @Test
    void isHmacSha256OfTheAccountIdInHex() {
        // The expected value computed apart from the JDK: printf '%s' <id> | openssl dgst -sha256 -hmac <key>
        var pseudonym = new CustomerPseudonym("local-development-pseudonym-key");

        assertThat(pseudonym.of("6f1c2a52-7b9e-4a8e-9d3c-1f2e3d4c5b6a"))
                .isEqualTo(pseudonym.of("6f1c2a52-7b9e-4a8e-9d3c-1f2e3d4c5b6a"))
                .matches("[0-9a-f]{64}")
                .isEqualTo(EXPECTED);
    }

    @Test
    void differsPerKeyAndPerCustomer() {
        var one = new CustomerPseudonym("local-development-pseudonym-key");
        var other = new CustomerPseudonym("another-secret-of-some-length");

        assertThat(one.of("a")).isNotEqualTo(other.of("a")).isNotEqualTo(one.of("b"));
    }

    @Test
    void refusesAShortKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerPseudonym("short"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CustomerPseudonym(null));
    }

    private static final String EXPECTED = "a6e1bd28e8887dafa5d4bd164d1819e80807519faf7da31a55bbd8ed68f01d95";
}
