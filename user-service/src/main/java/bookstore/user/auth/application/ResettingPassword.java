package bookstore.user.auth.application;

import bookstore.user.account.application.AccountMessages;
import bookstore.user.account.application.InvalidToken;
import bookstore.user.account.application.MailedTokens;
import bookstore.user.account.application.Passwords;
import bookstore.user.account.application.RequestQuotas;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.OneTimeToken.Purpose;
import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.account.domain.TokenValues;
import bookstore.user.account.domain.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A forgotten password, reset through a single-use link mailed to the account's address.
 *
 * <p>Asking for a link must not tell anyone whether an address has an account: the request is
 * counted against the quotas per address and per client the same way for every address, and the
 * answer is given then; looking the address up and issuing the link happen after the answer, so
 * neither the answer nor its timing depends on them. Disabled accounts get no link.
 *
 * <p>Redeeming the link sets the new password, ends every session, forgives the account's failed
 * logins, counts as proof that the owner reads the address, and tells them by mail.
 */
public class ResettingPassword {

    private static final Logger log = LoggerFactory.getLogger(ResettingPassword.class);

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final MailedTokens mailedTokens;
    private final AccountMessages messages;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final RequestQuotas quotas;
    private final RequestQuotas.Quota perAddress;
    private final RequestQuotas.Quota perClient;
    private final TransactionalOperator transactions;

    public ResettingPassword(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            MailedTokens mailedTokens,
            AccountMessages messages,
            Sessions sessions,
            LoginThrottle throttle,
            RequestQuotas quotas,
            RequestQuotas.Quota perAddress,
            RequestQuotas.Quota perClient,
            TransactionalOperator transactions) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.mailedTokens = mailedTokens;
        this.messages = messages;
        this.sessions = sessions;
        this.throttle = throttle;
        this.quotas = quotas;
        this.perAddress = perAddress;
        this.perClient = perClient;
        this.transactions = transactions;
    }

    /**
     * Completes once the request is admitted (or fails with {@code TooManyRequests}); the link, if
     * the address has an active account, is issued afterwards.
     */
    public Mono<Void> request(EmailAddress email, String clientAddress) {
        // The address is counted by its hash: the counters need not keep addresses people typed.
        return quotas.take(perAddress.of(TokenValues.hash(email.value())), perClient.of(clientAddress))
                .doOnSuccess(admitted -> sendLink(email)
                        .subscribeOn(Schedulers.boundedElastic())
                        .subscribe(sent -> {}, failed -> log.warn("Could not issue a password reset link", failed)));
    }

    private Mono<Void> sendLink(EmailAddress email) {
        return transactions.transactional(
                accounts.byEmail(email).filter(UserAccount::isActive).flatMap(mailedTokens::sendReset));
    }

    /**
     * Sets the new password with a link's token. A password the policy refuses leaves the token
     * unused, so the owner can try another with the same link.
     */
    public Mono<Void> confirm(String token, String newPassword) {
        return transactions.transactional(
                mailedTokens.redeem(token, Purpose.RESET_PASSWORD).flatMap(used -> accounts.byId(used.userId())
                        // A link to an address the account has since left proves nothing any more.
                        .filter(account -> account.email().equals(used.email()))
                        .switchIfEmpty(Mono.error(InvalidToken::new))
                        .flatMap(account -> Mono.fromRunnable(() -> policy.check(newPassword, account.email()))
                                .then(passwords.hash(newPassword))
                                .flatMap(hash -> {
                                    account.resetPasswordViaMailTo(used.email(), hash);
                                    return accounts.update(account)
                                            .then(sessions.endAll(account.id()))
                                            .then(throttle.forgive(account.email()))
                                            .then(messages.passwordChanged(account, true));
                                }))));
    }
}
