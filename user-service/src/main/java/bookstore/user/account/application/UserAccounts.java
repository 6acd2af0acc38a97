package bookstore.user.account.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.UserAccount;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where accounts are kept. */
public interface UserAccounts {

    Mono<UserAccount> byId(UUID id);

    /** The account, or {@link UserNotFound}. */
    default Mono<UserAccount> existing(UUID id) {
        return byId(id).switchIfEmpty(Mono.error(() -> new UserNotFound(id)));
    }

    Mono<UserAccount> byEmail(EmailAddress email);

    /** Stores a new account; {@code false} when its email address is already taken. */
    Mono<Boolean> add(UserAccount account);

    /** Saves changes; fails with {@link StaleAccount} when someone saved the account in between. */
    Mono<Void> update(UserAccount account);

    /** Deletes the account, and with it its credentials and tokens; {@code false} when there was none. */
    Mono<Boolean> delete(UUID id);

    /** One page of the accounts the search finds, oldest first. */
    Flux<UserAccount> page(AccountSearch search, int page, int size);

    Mono<Long> count(AccountSearch search);
}
