package bookstore.user.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy(10, Set.of("password123", "Qwertyuiop"));
    final EmailAddress email = EmailAddress.of("ann.lee@example.com");

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.violations("correct horse battery", email)).isEmpty();
    }

    @Test
    void refusesAShortPassword() {
        assertThat(policy.violations("tiny-pw", email)).containsExactly("must have at least 10 characters");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.violations("书店书店书店书店书店", email)).isEmpty();
    }

    @Test
    void refusesAnOverlongPassword() {
        assertThat(policy.violations("x".repeat(129), email)).containsExactly("must have at most 128 characters");
    }

    @Test
    void refusesTheEmailAddressAndItsLocalPartInAnyCase() {
        assertThat(policy.violations("Ann.Lee@Example.com", email)).contains("must not be the email address");
        assertThat(policy.violations("ann.lee", email)).contains("must not be the email address");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.violations("PASSWORD123", email)).containsExactly("is one of the most common passwords");
        assertThat(policy.violations("qwertyuiop", email)).containsExactly("is one of the most common passwords");
    }

    @Test
    void reportsEveryViolationAtOnce() {
        assertThatThrownBy(() -> policy.check("ann.lee", email))
                .isInstanceOfSatisfying(WeakPassword.class, weak -> assertThat(weak.violations())
                        .containsExactly("must have at least 10 characters", "must not be the email address"));
    }

    @Test
    void aMinimumBelowEightIsAConfigurationMistake() {
        assertThatThrownBy(() -> new PasswordPolicy(6, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
