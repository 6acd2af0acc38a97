package bookstore.user.auth.application;

import bookstore.user.auth.domain.RefreshToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Where issued refresh tokens are kept, by the hash of their value. */
public interface RefreshTokens {

    Mono<Void> add(RefreshToken token, String valueHash);

    /** The token with this hash, locked until the transaction ends so one use wins a race. */
    Mono<RefreshToken> lockByHash(String valueHash);

    Mono<Void> markUsed(UUID tokenId, Instant at);

    Mono<Void> revokeFamily(UUID familyId, Instant at);

    /** Revokes every token of the account, except those of the family {@code keep} if given. */
    Mono<Void> revokeAllOf(UUID userId, Optional<UUID> keep, Instant at);
}
