package bookstore.user.account.application;

import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.account.domain.UserAccount;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Signs up a customer: the password must pass the policy, the email address must be free. In the
 * same transaction the new account is announced as {@code UserRegistered} (its id only), its
 * contact published, and a welcome with the link that verifies the address asked for.
 */
public class RegisteringCustomer {

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final AccountMessages messages;
    private final MailedTokens mailedTokens;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public RegisteringCustomer(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            AccountMessages messages,
            MailedTokens mailedTokens,
            TransactionalOperator transactions,
            Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.messages = messages;
        this.mailedTokens = mailedTokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<UserAccount> register(RegisterCustomer command) {
        return Mono.fromRunnable(() -> policy.check(command.password(), command.email()))
                .then(passwords.hash(command.password()))
                .flatMap(hash -> {
                    UserAccount account = UserAccount.registerCustomer(
                            UUID.randomUUID(),
                            command.email(),
                            hash,
                            command.displayName(),
                            command.language(),
                            clock.instant());
                    return transactions.transactional(accounts.add(account)
                            .flatMap(added -> added
                                    ? messages.registered(account)
                                            .then(mailedTokens.sendVerification(account, account.email(), true))
                                            .thenReturn(account)
                                    : Mono.error(new EmailAlreadyRegistered())));
                });
    }
}
