package bookstore.user.account.persistence;

import bookstore.user.account.application.OneTimeTokens;
import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.OneTimeToken;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** One-time tokens in the {@code one_time_token} table, by hash. */
public class R2dbcOneTimeTokens implements OneTimeTokens {

    private final DatabaseClient database;

    public R2dbcOneTimeTokens(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> replace(OneTimeToken token) {
        return database.sql("""
                        DELETE FROM one_time_token WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL
                        """)
                .bind("user", token.userId())
                .bind("purpose", token.purpose().name())
                .then()
                .then(database.sql("""
                                INSERT INTO one_time_token (hash, purpose, user_id, email, expires_at)
                                VALUES (:hash, :purpose, :user, :email, :expiresAt)
                                """)
                        .bind("hash", token.hash())
                        .bind("purpose", token.purpose().name())
                        .bind("user", token.userId())
                        .bind("email", token.email().value())
                        .bind("expiresAt", token.expiresAt())
                        .then());
    }

    @Override
    public Mono<OneTimeToken> use(String hash, OneTimeToken.Purpose purpose, Instant now) {
        return database.sql("""
                        UPDATE one_time_token SET used_at = :now
                        WHERE hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING hash, purpose, user_id, email, expires_at
                        """)
                .bind("hash", hash)
                .bind("purpose", purpose.name())
                .bind("now", now)
                .map(row -> new OneTimeToken(
                        row.get("hash", String.class),
                        OneTimeToken.Purpose.valueOf(row.get("purpose", String.class)),
                        row.get("user_id", UUID.class),
                        EmailAddress.of(row.get("email", String.class)),
                        row.get("expires_at", Instant.class)))
                .one();
    }

    @Override
    public Mono<Long> purge(Instant before) {
        return database.sql("DELETE FROM one_time_token WHERE used_at < :before OR expires_at < :before")
                .bind("before", before)
                .fetch()
                .rowsUpdated();
    }
}
