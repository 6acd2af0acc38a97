package bookstore.user.auth.persistence;

import bookstore.user.auth.application.RefreshTokens;
import bookstore.user.auth.domain.RefreshToken;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public class R2dbcRefreshTokens implements RefreshTokens {

    private final DatabaseClient database;

    public R2dbcRefreshTokens(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> add(RefreshToken token, String valueHash) {
        return database.sql("""
                        INSERT INTO refresh_token (id, token_hash, family_id, user_id, issued_at, expires_at)
                        VALUES (:id, :hash, :family, :user, :issuedAt, :expiresAt)
                        """)
                .bind("id", token.id())
                .bind("hash", valueHash)
                .bind("family", token.familyId())
                .bind("user", token.userId())
                .bind("issuedAt", token.issuedAt())
                .bind("expiresAt", token.expiresAt())
                .then();
    }

    @Override
    public Mono<Void> revokeAllOf(UUID userId, Optional<UUID> keep, Instant at) {
        String except = keep.isPresent() ? " AND family_id <> :keep" : "";
        DatabaseClient.GenericExecuteSpec statement = database.sql(
                        "UPDATE refresh_token SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL"
                                + except)
                .bind("user", userId)
                .bind("at", at);
        return keep.map(family -> statement.bind("keep", family))
                .orElse(statement)
                .then();
    }

    @Override
    public Mono<RefreshToken> lockByHash(String valueHash) {
        return database.sql("""
                        SELECT id, family_id, user_id, issued_at, expires_at, used_at, revoked_at
                        FROM refresh_token WHERE token_hash = :hash FOR UPDATE
                        """)
                .bind("hash", valueHash)
                .map(R2dbcRefreshTokens::toToken)
                .one();
    }

    @Override
    public Mono<Void> markUsed(UUID tokenId, Instant at) {
        return database.sql("UPDATE refresh_token SET used_at = :at WHERE id = :id")
                .bind("id", tokenId)
                .bind("at", at)
                .then();
    }

    @Override
    public Mono<Void> revokeFamily(UUID familyId, Instant at) {
        return database.sql(
                        "UPDATE refresh_token SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId)
                .bind("at", at)
                .then();
    }

    private static RefreshToken toToken(Readable row) {
        return new RefreshToken(
                row.get("id", UUID.class),
                row.get("family_id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("issued_at", Instant.class),
                row.get("expires_at", Instant.class),
                row.get("used_at", Instant.class),
                row.get("revoked_at", Instant.class));
    }
}
