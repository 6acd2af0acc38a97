package bookstore.user.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @Test
    void addressesDifferingOnlyInCaseAndSpacesAreTheSame() {
        assertThat(EmailAddress.of("  Ann@Example.COM ")).isEqualTo(EmailAddress.of("ann@example.com"));
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertThatThrownBy(() -> EmailAddress.of("ann")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.of("ann@example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.of("a b@example.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
