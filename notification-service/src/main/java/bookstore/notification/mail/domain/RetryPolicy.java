package bookstore.notification.mail.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How sending is retried: after the n-th failed attempt the next one waits {@code firstRetry × 2^(n-1)}, at most
 * {@code maxRetry}; after {@code maxAttempts} failures the mail is FAILED. A mail whose customer is not in the
 * directory yet is looked at again every {@code recipientRetry}, for at most {@code recipientWait} after it was
 * recorded.
 */
public record RetryPolicy(
        int maxAttempts, Duration firstRetry, Duration maxRetry, Duration recipientRetry, Duration recipientWait) {

    public RetryPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(recipientRetry, "recipientRetry");
        Objects.requireNonNull(recipientWait, "recipientWait");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a mail is attempted at least once");
        }
        if (!firstRetry.isPositive() || maxRetry.compareTo(firstRetry) < 0 || !recipientRetry.isPositive()) {
            throw new IllegalArgumentException("retry intervals must be positive, the longest at least the first");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration backOffAfter(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
