package bookstore.user.account.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The account's signed-in sessions, as far as managing accounts needs them: ending them all. */
public interface AccountSessions {

    /** Revokes every refresh token of the account, so no session of it can go on. */
    Mono<Void> endAll(UUID userId);
}
