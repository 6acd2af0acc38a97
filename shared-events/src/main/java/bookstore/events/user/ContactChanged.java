package bookstore.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account's contact details as they are now: published when the account is created and whenever its address (once
 * verified), display name or language changes. Replaces every earlier record of the account.
 *
 * @param email the address mail goes to
 * @param displayName how the person wants to be addressed
 * @param language the language every message to the person is written in: {@code zh-CN} or {@code en}
 */
public record ContactChanged(
        UUID eventId, Instant occurredAt, String userId, String email, String displayName, String language)
        implements ContactEvent {

    public ContactChanged {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(language, "language");
    }
}
