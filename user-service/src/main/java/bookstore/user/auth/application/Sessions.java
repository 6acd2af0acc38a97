package bookstore.user.auth.application;

import bookstore.platform.observability.TracedLogging;
import bookstore.user.account.application.AccountSessions;
import bookstore.user.account.application.UserAccounts;
import bookstore.user.account.domain.TokenValues;
import bookstore.user.account.domain.UserAccount;
import bookstore.user.auth.domain.RefreshToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A login session is a family of refresh tokens. Each refresh exchanges the presented token for a
 * new one (rotation), so a token works once; a token presented a second time means two parties
 * hold it, one of them a thief, and the whole family is revoked, logging both out.
 */
public class Sessions implements AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final RefreshTokens refreshTokens;
    private final UserAccounts accounts;
    private final AccessTokens accessTokens;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Duration refreshTokenLifetime;

    public Sessions(
            RefreshTokens refreshTokens,
            UserAccounts accounts,
            AccessTokens accessTokens,
            TransactionalOperator transactions,
            Clock clock,
            Duration refreshTokenLifetime) {
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
        this.clock = clock;
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    /** Starts a session for an account that just proved who it is. */
    public Mono<IssuedTokens> open(UserAccount account) {
        return transactions.transactional(issue(account, UUID.randomUUID()));
    }

    /**
     * Exchanges a refresh token for new tokens, with the account's current roles. A disabled
     * account's session ends here (disabling revoked its tokens already; this closes the race with a
     * login that was under way).
     */
    public Mono<IssuedTokens> refresh(String presented) {
        Instant now = clock.instant();
        Mono<Optional<IssuedTokens>> exchange = refreshTokens
                .lockByHash(TokenValues.hash(presented))
                .<Optional<IssuedTokens>>flatMap(token -> switch (token.status(now)) {
                    case USABLE ->
                        accounts.byId(token.userId())
                                .flatMap(account -> account.isActive()
                                        ? refreshTokens
                                                .markUsed(token.id(), now)
                                                .then(issue(account, token.familyId()))
                                                .map(Optional::of)
                                        : refreshTokens
                                                .revokeFamily(token.familyId(), now)
                                                .thenReturn(Optional.<IssuedTokens>empty()));
                    case REUSED ->
                        TracedLogging.log(() -> log.warn(
                                        "Refresh token {} of family {} was presented again; revoking the family",
                                        token.id(),
                                        token.familyId()))
                                .then(refreshTokens.revokeFamily(token.familyId(), now))
                                .thenReturn(Optional.<IssuedTokens>empty());
                    case REVOKED, EXPIRED -> Mono.just(Optional.<IssuedTokens>empty());
                })
                .defaultIfEmpty(Optional.empty());
        // The revocation of a reused family must commit although the request fails: decide inside
        // the transaction, fail after it.
        return transactions.transactional(exchange).flatMap(tokens -> Mono.justOrEmpty(tokens)
                .switchIfEmpty(Mono.error(new InvalidRefreshToken())));
    }

    /** Logs out: the token's whole family stops working. Unknown tokens are ignored (RFC 7009). */
    public Mono<Void> close(String presented) {
        Instant now = clock.instant();
        return transactions.transactional(refreshTokens
                .lockByHash(TokenValues.hash(presented))
                .flatMap(token -> refreshTokens.revokeFamily(token.familyId(), now)));
    }

    @Override
    public Mono<Void> endAll(UUID userId) {
        return refreshTokens.revokeAllOf(userId, Optional.empty(), clock.instant());
    }

    /** Ends every session of the account but {@code keep}, the one the request came from, if any. */
    public Mono<Void> endAllBut(UUID userId, Optional<UUID> keep) {
        return refreshTokens.revokeAllOf(userId, keep, clock.instant());
    }

    private Mono<IssuedTokens> issue(UserAccount account, UUID familyId) {
        Instant now = clock.instant();
        String value = TokenValues.newValue();
        RefreshToken token = RefreshToken.issue(familyId, account.id(), now, now.plus(refreshTokenLifetime));
        return refreshTokens
                .add(token, TokenValues.hash(value))
                .then(Mono.fromCallable(() -> new IssuedTokens(accessTokens.issue(account, familyId), value)));
    }
}
