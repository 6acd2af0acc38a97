package bookstore.notification;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** A mail the relay refused until the service gave up (50 attempts), as an admin finds it to retry. */
public final class FailedMails {

    private FailedMails() {}

    /** Records a failed password-changed mail to the address and returns its id. */
    public static long recordedFor(DatabaseClient database, String email) {
        return database.sql("""
                        INSERT INTO mail (event_id, kind, status, occurred_at, user_id, recipient_address, recipient_name,
                                          language, facts, attempts, last_error)
                        VALUES (:eventId, 'PASSWORD_CHANGED', 'FAILED', now(), 'user-x', :email, 'Failed Once', 'en',
                                '{"byReset":"false"}', 50, 'relay refused')
                        RETURNING id
                        """)
                .bind("eventId", UUID.randomUUID())
                .bind("email", email)
                .map(row -> row.get("id", Long.class))
                .one()
                .block();
    }
}
