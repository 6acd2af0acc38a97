package bookstore.user.auth.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long someone who keeps failing to log in must wait: a few free mistakes, then a wait that
 * doubles with every further failure up to a ceiling. Slow enough to make guessing hopeless, short
 * enough that the real owner, who knows the password, is only briefly delayed.
 *
 * @param freeFailures failures in a row that cost nothing
 * @param firstWait the wait after the last free failure
 * @param longestWait the ceiling of the doubling
 */
public record LoginBackOff(int freeFailures, Duration firstWait, Duration longestWait) {

    public LoginBackOff {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("at least one failure must be free");
        }
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(longestWait, "longestWait");
        if (firstWait.isNegative() || firstWait.isZero() || longestWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("waits must be positive and the longest at least the first");
        }
    }

    /** The wait earned by this many failures in a row, if any. */
    public Optional<Duration> waitAfter(int failures) {
        if (failures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(longestWait) > 0 ? longestWait : wait);
    }
}
