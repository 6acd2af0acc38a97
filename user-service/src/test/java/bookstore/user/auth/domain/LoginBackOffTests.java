package bookstore.user.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginBackOffTests {

    final LoginBackOff backOff = new LoginBackOff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void theFirstFailuresAreFree() {
        assertThat(backOff.waitAfter(1)).isEmpty();
        assertThat(backOff.waitAfter(4)).isEmpty();
    }

    @Test
    void theWaitDoublesWithEveryFailureAfterTheFreeOnes() {
        assertThat(backOff.waitAfter(5)).contains(Duration.ofSeconds(30));
        assertThat(backOff.waitAfter(6)).contains(Duration.ofSeconds(60));
        assertThat(backOff.waitAfter(7)).contains(Duration.ofSeconds(120));
    }

    @Test
    void theWaitStopsGrowingAtTheCeiling() {
        assertThat(backOff.waitAfter(10)).contains(Duration.ofMinutes(15));
        assertThat(backOff.waitAfter(10_000)).contains(Duration.ofMinutes(15));
    }
}
