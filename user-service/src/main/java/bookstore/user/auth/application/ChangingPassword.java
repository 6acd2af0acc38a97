package bookstore.user.auth.application;

import bookstore.user.account.application.AccountMessages;
import bookstore.user.account.application.Passwords;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.domain.PasswordPolicy;
import bookstore.user.account.domain.UserAccount;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A signed-in owner changes their password, the current one in hand. Every other session of the
 * account ends (whoever else held one may be why the password changes); the one the request came
 * from goes on. The owner is told by mail, in the same transaction.
 */
public class ChangingPassword {

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AccountMessages messages;
    private final TransactionalOperator transactions;

    public ChangingPassword(
            UserAccounts accounts,
            PasswordPolicy policy,
            Passwords passwords,
            Sessions sessions,
            AccountMessages messages,
            TransactionalOperator transactions) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** @param session the session the request came from, which stays signed in */
    public Mono<Void> change(UUID userId, String currentPassword, String newPassword, Optional<UUID> session) {
        return accounts.existing(userId).flatMap(account -> passwords
                .check(currentPassword, account.passwordHash())
                .then(Mono.fromRunnable(() -> policy.check(newPassword, account.email())))
                .then(passwords.hash(newPassword))
                .flatMap(hash -> {
                    account.changePasswordHash(hash);
                    return transactions.transactional(save(account)
                            .then(sessions.endAllBut(userId, session))
                            .then(messages.passwordChanged(account, false)));
                }));
    }

    private Mono<UserAccount> save(UserAccount account) {
        return accounts.update(account).thenReturn(account);
    }
}
