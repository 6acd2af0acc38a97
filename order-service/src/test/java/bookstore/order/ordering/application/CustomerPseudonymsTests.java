package bookstore.order.ordering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CustomerPseudonymsTests {

    @Test
    void aCustomersPseudonymIsStableHexAndRevealsNothingOfTheirId() {
        CustomerPseudonyms pseudonyms = withKey("a-secret-of-enough-length");

        String pseudonym = pseudonyms.of("user-42");

        assertThat(pseudonym).matches("[0-9a-f]{64}").doesNotContain("42");
        assertThat(pseudonyms.of("user-42")).isEqualTo(pseudonym);
        assertThat(pseudonyms.of("user-43")).isNotEqualTo(pseudonym);
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(withKey("a-secret-of-enough-length").of("user-42"))
                .isNotEqualTo(withKey("another-secret-of-enough-length").of("user-42"));
    }

    @Test
    void refusesAKeyTooShortToBeSecret() {
        assertThatThrownBy(() -> withKey("short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static CustomerPseudonyms withKey(String key) {
        return new CustomerPseudonyms(new OrderingProperties(
                Duration.ofMinutes(2),
                Duration.ofMinutes(15),
                Duration.ofSeconds(5),
                100,
                2,
                key,
                Duration.ofDays(7),
                Duration.ofDays(7),
                Duration.ofDays(2),
                Duration.ofDays(7),
                Duration.ofDays(14)));
    }
}
