package bookstore.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The account's password was changed or reset, and its other sessions signed out: tell the person, so a change they
 * did not make does not go unnoticed.
 *
 * @param byReset whether it was set through a reset link rather than changed while signed in
 */
public record PasswordChanged(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String email,
        String displayName,
        String language,
        boolean byReset)
        implements AccountMailEvent {

    public PasswordChanged {
        Objects.requireNonNull(email, "email");
    }
}
