package bookstore.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Send a link that proves the person reads {@code email}: after registration (with a welcome) or when the person
 * asked to change their address to this one.
 *
 * @param token the one-time token the link carries; user-service keeps only its hash
 * @param expiresAt when the token stops working
 * @param welcome whether the account is new, so the mail also welcomes the person
 */
public record EmailVerificationRequested(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String email,
        String displayName,
        String language,
        String token,
        Instant expiresAt,
        boolean welcome)
        implements AccountMailEvent {

    public EmailVerificationRequested {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
