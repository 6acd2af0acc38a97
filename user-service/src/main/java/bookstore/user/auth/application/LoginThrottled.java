package bookstore.user.auth.application;

import java.time.Duration;

/** Too many failed logins for this account or from this address; try again after the wait. */
public final class LoginThrottled extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("Too many failed logins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
