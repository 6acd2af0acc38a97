package bookstore.user.account.application;

import bookstore.platform.paging.PageWindow;
import bookstore.user.account.domain.Role;
import bookstore.user.account.domain.UserAccount;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What administrators do with accounts: find them, decide who else administers the shop, and
 * disable or enable them. A new role reaches the account's tokens at its next refresh or login,
 * within one access-token lifetime; disabling ends every session of the account at once, and its
 * last access token expires within that lifetime too.
 */
public class AdministeringUsers {

    public static final int MAX_PAGE_SIZE = 100;

    private final UserAccounts accounts;
    private final AccountSessions sessions;
    private final TransactionalOperator transactions;

    public AdministeringUsers(UserAccounts accounts, AccountSessions sessions, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    /** The accounts the search finds, oldest first, one page of them and how many there are in all. */
    public Mono<Page<UserAccount>> find(AccountSearch search, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE || !PageWindow.allows(page, size)) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE
                    + ", page within the first " + PageWindow.MAX_RESULT_WINDOW + " accounts");
        }
        return Mono.zip(accounts.page(search, page, size).collectList(), accounts.count(search))
                .map(found -> new Page<>(found.getT1(), page, size, found.getT2()));
    }

    public Mono<UserAccount> account(UUID userId) {
        return accounts.existing(userId);
    }

    public Mono<UserAccount> assignRoles(UUID userId, Set<Role> roles, UUID administratorId) {
        return transactions.transactional(account(userId).flatMap(account -> {
            account.assignRoles(roles, administratorId);
            return accounts.update(account).then(accounts.byId(userId));
        }));
    }

    /** The account can no longer sign in or refresh; its sessions end now. */
    public Mono<UserAccount> disable(UUID userId, UUID administratorId) {
        return transactions.transactional(account(userId).flatMap(account -> {
            account.disable(administratorId);
            return accounts.update(account).then(sessions.endAll(userId)).then(accounts.byId(userId));
        }));
    }

    public Mono<UserAccount> enable(UUID userId) {
        return transactions.transactional(account(userId).flatMap(account -> {
            account.enable();
            return accounts.update(account).then(accounts.byId(userId));
        }));
    }
}
