package bookstore.user.auth.persistence;

import bookstore.user.auth.application.FailedLogins;
import java.time.Instant;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Counters in the {@code login_throttle} table, shared by all replicas, so a guesser gains nothing
 * by having the load balancer spread their attempts.
 */
public class R2dbcFailedLogins implements FailedLogins {

    private final DatabaseClient database;

    public R2dbcFailedLogins(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Instant> blockedUntil(Collection<String> subjects, Instant now) {
        return database.sql("""
                        SELECT blocked_until FROM login_throttle
                        WHERE subject = ANY(:subjects) AND blocked_until > :now
                        ORDER BY blocked_until DESC LIMIT 1
                        """)
                .bind("subjects", subjects.toArray(String[]::new))
                .bind("now", now)
                .mapValue(Instant.class)
                .one();
    }

    @Override
    public Mono<Integer> recordFailure(String subject, Instant now, Instant forgetBefore) {
        return database.sql("""
                        INSERT INTO login_throttle AS t (subject, failures, last_failure_at) VALUES (:subject, 1, :now)
                        ON CONFLICT (subject) DO UPDATE SET
                            failures = CASE WHEN t.last_failure_at < :forgetBefore THEN 1 ELSE t.failures + 1 END,
                            last_failure_at = :now
                        RETURNING failures
                        """)
                .bind("subject", subject)
                .bind("now", now)
                .bind("forgetBefore", forgetBefore)
                .mapValue(Integer.class)
                .one();
    }

    @Override
    public Mono<Void> block(String subject, Instant until) {
        return database.sql("UPDATE login_throttle SET blocked_until = :until WHERE subject = :subject")
                .bind("subject", subject)
                .bind("until", until)
                .then();
    }

    @Override
    public Mono<Void> forget(String subject) {
        return database.sql("DELETE FROM login_throttle WHERE subject = :subject")
                .bind("subject", subject)
                .then();
    }

    @Override
    public Mono<Long> purge(Instant forgetBefore, Instant now) {
        return database.sql("""
                        DELETE FROM login_throttle
                        WHERE last_failure_at < :forgetBefore AND (blocked_until IS NULL OR blocked_until < :now)
                        """)
                .bind("forgetBefore", forgetBefore)
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }
}
