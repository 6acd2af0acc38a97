package bookstore.user.account.application;

import bookstore.user.account.domain.UserAccount;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** A customer reads and changes their own profile; the caller's id comes from their token. */
public class ManagingProfile {

    private static final int ATTEMPTS_ON_CONFLICT = 3;

    private final UserAccounts accounts;
    private final TransactionalOperator transactions;

    public ManagingProfile(UserAccounts accounts, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    public Mono<UserAccount> profileOf(UUID userId) {
        return accounts.byId(userId).switchIfEmpty(Mono.error(() -> new UserNotFound(userId)));
    }

    public Mono<UserAccount> change(UUID userId, ChangeProfile change) {
        Mono<UserAccount> readChangeSave = profileOf(userId).flatMap(account -> {
            if (change.displayName() != null) {
                account.rename(change.displayName());
            }
            if (change.addresses() != null) {
                account.replaceAddresses(change.addresses());
            }
            return accounts.update(account).then(accounts.byId(userId));
        });
        // Two devices saving at once: the later one re-reads and applies its change on top.
        return transactions
                .transactional(readChangeSave)
                .retryWhen(Retry.max(ATTEMPTS_ON_CONFLICT - 1).filter(StaleAccount.class::isInstance));
    }
}
