package bookstore.user.auth.application;

import bookstore.user.account.application.Passwords;
import bookstore.user.account.application.StaleAccount;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.domain.UserAccount;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Exchanges an email address and password for tokens, unless the throttle says wait or the account
 * is disabled.
 */
public class LoggingIn {

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Sessions sessions;

    public LoggingIn(UserAccounts accounts, Passwords passwords, LoginThrottle throttle, Sessions sessions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public Mono<IssuedTokens> logIn(LoginAttempt attempt, String password) {
        return throttle.admit(attempt)
                .then(accounts.byEmail(attempt.email()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(account -> passwords
                        .matches(
                                password, account.map(UserAccount::passwordHash).orElse(null))
                        .flatMap(matches -> matches
                                ? throttle.succeeded(attempt)
                                        .then(active(account.orElseThrow()))
                                        .flatMap(active -> rehashIfOutdated(active, password))
                                        .flatMap(sessions::open)
                                : throttle.failed(attempt).then(Mono.error(new BadCredentials()))));
    }

    private static Mono<UserAccount> active(UserAccount account) {
        return account.isActive() ? Mono.just(account) : Mono.error(new AccountDisabled());
    }

    /** Hashes made with older settings are redone now, while the password is at hand. */
    private Mono<UserAccount> rehashIfOutdated(UserAccount account, String password) {
        if (!passwords.isOutdated(account.passwordHash())) {
            return Mono.just(account);
        }
        return passwords.hash(password).flatMap(hash -> {
            account.changePasswordHash(hash);
            return accounts.update(account)
                    .then(accounts.byId(account.id()))
                    .onErrorResume(StaleAccount.class, stale -> Mono.just(account));
        });
    }
}
