package bookstore.user.account.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.OneTimeToken.Purpose;
import bookstore.user.account.domain.UserAccount;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Proving the account's address is read by its owner, and moving the account to another address
 * that way: the new address waits as pending until its link is opened, the old one stays in use
 * until then. Mails asked for by the account are limited by the {@code mailQuota} per account.
 */
public class VerifyingEmail {

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final MailedTokens mailedTokens;
    private final AccountMessages messages;
    private final RequestQuotas quotas;
    private final RequestQuotas.Quota mailQuota;
    private final TransactionalOperator transactions;

    public VerifyingEmail(
            UserAccounts accounts,
            Passwords passwords,
            MailedTokens mailedTokens,
            AccountMessages messages,
            RequestQuotas quotas,
            RequestQuotas.Quota mailQuota,
            TransactionalOperator transactions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.mailedTokens = mailedTokens;
        this.messages = messages;
        this.quotas = quotas;
        this.mailQuota = mailQuota;
        this.transactions = transactions;
    }

    /** The owner, password in hand, asks to move the account to {@code newEmail}, which must be free. */
    public Mono<UserAccount> requestChange(UUID userId, EmailAddress newEmail, String password) {
        return accounts.existing(userId)
                .flatMap(account ->
                        passwords.check(password, account.passwordHash()).thenReturn(account))
                .flatMap(account -> quotas.take(mailQuota.of(userId.toString())).thenReturn(account))
                .flatMap(account -> transactions.transactional(accounts.byEmail(newEmail)
                        .flatMap(holder -> Mono.<UserAccount>error(new EmailAlreadyRegistered()))
                        .switchIfEmpty(Mono.defer(() -> {
                            account.requestEmailChange(newEmail);
                            return accounts.update(account)
                                    .then(mailedTokens.sendVerification(account, newEmail, false))
                                    .then(accounts.byId(userId));
                        }))));
    }

    /** Sends the link again: for the pending address if there is one, else for the unverified own one. */
    public Mono<Void> resend(UUID userId) {
        return accounts.existing(userId).flatMap(account -> {
            EmailAddress to = account.addressToVerify().orElseThrow(NothingToVerify::new);
            return quotas.take(mailQuota.of(userId.toString()))
                    .then(transactions.transactional(mailedTokens.sendVerification(account, to, false)));
        });
    }

    /**
     * Redeems a verification link and returns the address it verified. A pending address becomes
     * the account's, unless another account took it meanwhile, and is published as its contact.
     */
    public Mono<EmailAddress> verify(String token) {
        Mono<EmailAddress> verification = mailedTokens
                .redeem(token, Purpose.VERIFY_EMAIL)
                .flatMap(used -> accounts.byId(used.userId())
                        .filter(account -> account.awaitsVerificationOf(used.email()))
                        .switchIfEmpty(Mono.error(InvalidToken::new))
                        .flatMap(account -> {
                            EmailAddress address = used.email();
                            if (!account.verify(address)) {
                                return accounts.update(account).thenReturn(address);
                            }
                            return accounts.byEmail(address)
                                    .flatMap(holder -> Mono.<EmailAddress>error(new EmailAlreadyRegistered()))
                                    .switchIfEmpty(Mono.defer(() -> accounts.update(account)
                                            .then(messages.contactChanged(account))
                                            .thenReturn(address)));
                        }));
        // Registered by someone else between the check and the update: the unique address decides.
        return transactions
                .transactional(verification)
                .onErrorMap(DataIntegrityViolationException.class, taken -> new EmailAlreadyRegistered());
    }
}
