package bookstore.platform.work;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link PollingWorker} looks for work nobody woke it for, and how long it waits between
 * attempts while its rounds fail: the poll interval first, doubling after each failure up to
 * {@code maxBackOff}.
 *
 * @param pollInterval the wait after a round that left no work waiting, and the first back-off
 * @param maxBackOff the longest wait between failing rounds
 */
public record Schedule(Duration pollInterval, Duration maxBackOff) {

    public Schedule {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxBackOff, "maxBackOff");
        if (!pollInterval.isPositive() || !maxBackOff.isPositive()) {
            throw new IllegalArgumentException("the poll interval and the back-off must be positive");
        }
    }

    /** Polls at this interval and retries a failed round at the same interval. */
    public static Schedule every(Duration pollInterval) {
        return new Schedule(pollInterval, pollInterval);
    }

    /** The same polling, with a back-off that doubles after each failure up to {@code longest}. */
    public Schedule backingOffUpTo(Duration longest) {
        return new Schedule(pollInterval, longest);
    }

    Duration backOffAfter(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxBackOff) > 0 ? maxBackOff : doubled;
    }
}
