package bookstore.user.account.application;

import bookstore.events.user.AccountClosed.ClosedBy;
import bookstore.user.account.domain.UserAccount;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Closing an account: its row, credentials, sessions and tokens are deleted, and in the same
 * transaction {@code AccountClosed} tells every service to erase the person and
 * {@code ContactErased} tells those that write to people to forget how to. An administrator's own
 * account is closed by another administrator, so the shop always keeps one.
 */
public class ClosingAccount {

    private final UserAccounts accounts;
    private final Passwords passwords;
    private final AccountMessages messages;
    private final TransactionalOperator transactions;

    public ClosingAccount(
            UserAccounts accounts, Passwords passwords, AccountMessages messages, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** The owner closes their account, password in hand. */
    public Mono<Void> closeOwn(UUID userId, String password) {
        return accounts.existing(userId).flatMap(account -> passwords
                .check(password, account.passwordHash())
                .then(Mono.defer(() -> close(account, userId, ClosedBy.CUSTOMER))));
    }

    public Mono<Void> closeByAdmin(UUID userId, UUID administratorId) {
        return accounts.existing(userId).flatMap(account -> close(account, administratorId, ClosedBy.ADMIN));
    }

    private Mono<Void> close(UserAccount account, UUID closerId, ClosedBy by) {
        account.checkClosableBy(closerId);
        return transactions.transactional(accounts.delete(account.id())
                .flatMap(deleted ->
                        deleted ? messages.closed(account.id(), by) : Mono.error(new UserNotFound(account.id()))));
    }
}
