package bookstore.user.account.persistence;

import bookstore.user.account.application.RequestCounters;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Counters in the {@code request_counter} table: one statement counts and starts a new window when one ended. */
public class R2dbcRequestCounters implements RequestCounters {

    private final DatabaseClient database;

    public R2dbcRequestCounters(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Window> count(String subject, Instant now, Duration window) {
        return database.sql("""
                        INSERT INTO request_counter AS c (subject, window_ends_at, requests)
                        VALUES (:subject, :windowEnd, 1)
                        ON CONFLICT (subject) DO UPDATE SET
                            requests = CASE WHEN c.window_ends_at <= :now THEN 1 ELSE c.requests + 1 END,
                            window_ends_at = CASE WHEN c.window_ends_at <= :now THEN :windowEnd ELSE c.window_ends_at END
                        RETURNING window_ends_at, requests
                        """)
                .bind("subject", subject)
                .bind("now", now)
                .bind("windowEnd", now.plus(window))
                .map(row -> new Window(row.get("window_ends_at", Instant.class), row.get("requests", Integer.class)))
                .one();
    }

    @Override
    public Mono<Long> purge(Instant now) {
        return database.sql("DELETE FROM request_counter WHERE window_ends_at <= :now")
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }
}
