package bookstore.user.account.application;

import java.time.Duration;

/** More requests of a kind than the shop answers in a while (mails asked for, say); try again later. */
public final class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(Duration retryAfter) {
        super("Too many requests; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
