package bookstore.user.account.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.OneTimeToken;
import bookstore.user.account.domain.OneTimeToken.Purpose;
import bookstore.user.account.domain.TokenValues;
import bookstore.user.account.domain.UserAccount;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One-time tokens that travel by mail: issuing one stores its hash (the account's older unused one
 * of the purpose stops working) and asks for the mail that carries it; redeeming one uses it up.
 * Runs inside the caller's transaction, so the token and its mail commit together.
 */
public class MailedTokens {

    private final OneTimeTokens tokens;
    private final AccountMessages messages;
    private final Clock clock;
    private final Duration verificationLifetime;
    private final Duration resetLifetime;

    public MailedTokens(
            OneTimeTokens tokens,
            AccountMessages messages,
            Clock clock,
            Duration verificationLifetime,
            Duration resetLifetime) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
        this.verificationLifetime = verificationLifetime;
        this.resetLifetime = resetLifetime;
    }

    public Mono<Void> sendVerification(UserAccount account, EmailAddress to, boolean welcome) {
        OneTimeToken.Issued issued = issue(Purpose.VERIFY_EMAIL, account, to, verificationLifetime);
        return tokens.replace(issued.token()).then(messages.verificationRequested(account, issued, welcome));
    }

    public Mono<Void> sendReset(UserAccount account) {
        OneTimeToken.Issued issued = issue(Purpose.RESET_PASSWORD, account, account.email(), resetLifetime);
        return tokens.replace(issued.token()).then(messages.resetRequested(account, issued));
    }

    /** Uses the token up; fails with {@link InvalidToken} when it is unknown, used, expired or of another purpose. */
    public Mono<OneTimeToken> redeem(String value, Purpose purpose) {
        return tokens.use(TokenValues.hash(value), purpose, clock.instant())
                .switchIfEmpty(Mono.error(InvalidToken::new));
    }

    /** Deletes tokens that can no longer be used, a day after they stopped working. */
    public Mono<Long> purge() {
        return tokens.purge(clock.instant().minus(Duration.ofDays(1)));
    }

    private OneTimeToken.Issued issue(Purpose purpose, UserAccount account, EmailAddress to, Duration lifetime) {
        return OneTimeToken.issue(purpose, account.id(), to, clock.instant().plus(lifetime));
    }
}
