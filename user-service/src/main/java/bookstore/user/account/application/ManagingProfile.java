package bookstore.user.account.application;

import bookstore.user.account.domain.Contact;
import bookstore.user.account.domain.UserAccount;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A customer reads and changes their own profile; the caller's id comes from their token. A new
 * display name or language is published as the account's contact in the same transaction.
 */
public class ManagingProfile {

    private static final int ATTEMPTS_ON_CONFLICT = 3;

    private final UserAccounts accounts;
    private final AccountMessages messages;
    private final TransactionalOperator transactions;

    public ManagingProfile(UserAccounts accounts, AccountMessages messages, TransactionalOperator transactions) {
        this.accounts = accounts;
        this.messages = messages;
        this.transactions = transactions;
    }

    public Mono<UserAccount> profileOf(UUID userId) {
        return accounts.existing(userId);
    }

    public Mono<UserAccount> change(UUID userId, ChangeProfile change) {
        Mono<UserAccount> readChangeSave = profileOf(userId).flatMap(account -> {
            Contact before = account.contact();
            if (change.displayName() != null) {
                account.rename(change.displayName());
            }
            if (change.language() != null) {
                account.speak(change.language());
            }
            if (change.addresses() != null) {
                account.replaceAddresses(change.addresses());
            }
            Mono<Void> announced = before.equals(account.contact()) ? Mono.empty() : messages.contactChanged(account);
            return accounts.update(account).then(announced).then(accounts.byId(userId));
        });
        // Two devices saving at once: the later one re-reads and applies its change on top.
        return transactions
                .transactional(readChangeSave)
                .retryWhen(Retry.max(ATTEMPTS_ON_CONFLICT - 1).filter(StaleAccount.class::isInstance));
    }
}
