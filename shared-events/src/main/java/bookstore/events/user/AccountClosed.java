package bookstore.events.user;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was closed and its personal data is to be erased everywhere: user-service has deleted the account and
 * its credentials; every service that holds something about the person removes it, keeping only what accounting
 * needs. Carries no personal data.
 *
 * @param closedBy who closed it
 */
public record AccountClosed(UUID eventId, Instant occurredAt, String userId, ClosedBy closedBy) implements UserEvent {

    /** Who closed an account. */
    public enum ClosedBy {
        /** The customer, after entering their password again. */
        CUSTOMER,
        /** An admin. */
        ADMIN
    }

    public AccountClosed {
        Objects.requireNonNull(closedBy, "closedBy");
    }
}
