package bookstore.user.auth.application;

import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/** Failed-login counters and the waits they earned, per subject (an account or a client address). */
public interface FailedLogins {

    /** The latest time until which any of the subjects must wait, if one must wait beyond {@code now}. */
    Mono<Instant> blockedUntil(Collection<String> subjects, Instant now);

    /**
     * Counts one more failure and returns the failures in a row; failures older than
     * {@code forgetBefore} no longer count.
     */
    Mono<Integer> recordFailure(String subject, Instant now, Instant forgetBefore);

    Mono<Void> block(String subject, Instant until);

    Mono<Void> forget(String subject);

    /** Deletes counters that no longer matter; returns how many. */
    Mono<Long> purge(Instant forgetBefore, Instant now);
}
