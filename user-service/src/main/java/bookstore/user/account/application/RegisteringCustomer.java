package bookstore.user.account.application;

import bookstore.events.Topics;
import bookstore.events.user.UserRegistered;
import bookstore.platform.outbox.Outbox;
import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.account.domain.UserAccount;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Signs up a customer: the password must pass the policy, the email address must be free, and the
 * new account is announced as {@code UserRegistered} (its id only) in the same transaction.
 */
public class RegisteringCustomer {

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public RegisteringCustomer(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            Outbox outbox,
            TransactionalOperator transactions,
            Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<UserAccount> register(RegisterCustomer command) {
        return Mono.fromRunnable(() -> policy.check(command.password(), command.email()))
                .then(passwords.hash(command.password()))
                .flatMap(hash -> {
                    UserAccount account = UserAccount.registerCustomer(
                            UUID.randomUUID(), command.email(), hash, command.displayName(), clock.instant());
                    return transactions.transactional(accounts.add(account)
                            .flatMap(added -> added
                                    ? outbox.append(Topics.USER_EVENTS, registered(account))
                                            .thenReturn(account)
                                    : Mono.error(new EmailAlreadyRegistered())));
                });
    }

    private UserRegistered registered(UserAccount account) {
        return new UserRegistered(
                UUID.randomUUID(), account.createdAt(), account.id().toString());
    }
}
