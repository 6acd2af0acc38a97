package bookstore.user.auth.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.auth.domain.LoginBackOff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing, per account (one victim, many guessers) and per client address (one
 * guesser, many victims). A blocked attempt is refused before the password is even checked, so
 * guesses during the wait tell nothing and cost nothing. A success clears the account's count but
 * not the address's: otherwise a guesser could reset their address by logging in to an account of
 * their own between guesses.
 */
public class LoginThrottle {

    private final FailedLogins failures;
    private final LoginBackOff perAccount;
    private final LoginBackOff perAddress;
    private final Duration memory;
    private final Clock clock;

    /**
     * @param memory how long a failure counts: after this long without failures, the count restarts
     */
    public LoginThrottle(
            FailedLogins failures, LoginBackOff perAccount, LoginBackOff perAddress, Duration memory, Clock clock) {
        this.failures = failures;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.memory = memory;
        this.clock = clock;
    }

    /** Completes when the attempt may go ahead; fails with {@link LoginThrottled} otherwise. */
    public Mono<Void> admit(LoginAttempt attempt) {
        Instant now = clock.instant();
        return failures.blockedUntil(attempt.subjects(), now)
                .flatMap(until -> Mono.error(new LoginThrottled(Duration.between(now, until))));
    }

    public Mono<Void> failed(LoginAttempt attempt) {
        return count(attempt.accountSubject(), perAccount).then(count(attempt.addressSubject(), perAddress));
    }

    public Mono<Void> succeeded(LoginAttempt attempt) {
        return failures.forget(attempt.accountSubject());
    }

    /** The account's owner proved who they are another way (a reset link): its failures are forgiven. */
    public Mono<Void> forgive(EmailAddress account) {
        return failures.forget(LoginAttempt.accountSubject(account));
    }

    /** Drops counters nobody needs any more. */
    public Mono<Long> purge() {
        Instant now = clock.instant();
        return failures.purge(now.minus(memory), now);
    }

    private Mono<Void> count(String subject, LoginBackOff backOff) {
        Instant now = clock.instant();
        return failures.recordFailure(subject, now, now.minus(memory)).flatMap(inARow -> backOff.waitAfter(inARow)
                .map(wait -> failures.block(subject, now.plus(wait)))
                .orElse(Mono.empty()));
    }
}
