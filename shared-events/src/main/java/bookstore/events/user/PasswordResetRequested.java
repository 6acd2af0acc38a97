package bookstore.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone asked to reset the password of the account registered with {@code email}: send the link.
 *
 * @param token the one-time token the link carries; user-service keeps only its hash
 * @param expiresAt when the token stops working
 */
public record PasswordResetRequested(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String email,
        String displayName,
        String language,
        String token,
        Instant expiresAt)
        implements AccountMailEvent {

    public PasswordResetRequested {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
