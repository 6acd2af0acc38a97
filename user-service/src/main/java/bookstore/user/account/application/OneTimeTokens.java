package bookstore.user.account.application;

import bookstore.user.account.domain.OneTimeToken;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where one-time tokens are kept, by the SHA-256 of their value. */
public interface OneTimeTokens {

    /** Stores the token; the account's earlier unused tokens of the same purpose stop working. */
    Mono<Void> replace(OneTimeToken token);

    /**
     * Marks the token with this hash used, if it is of this purpose, unused and unexpired at
     * {@code now}, and returns it; empty otherwise. Atomic: of two uses at once, one wins.
     */
    Mono<OneTimeToken> use(String hash, OneTimeToken.Purpose purpose, Instant now);

    /** Deletes tokens used or expired before {@code before}; returns how many. */
    Mono<Long> purge(Instant before);
}
