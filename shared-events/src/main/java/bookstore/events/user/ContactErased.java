package bookstore.events.user;

import java.time.Instant;
import java.util.UUID;

/**
 * The account was closed: forget how to reach the person. Compaction then leaves only this record for the account.
 */
public record ContactErased(UUID eventId, Instant occurredAt, String userId) implements ContactEvent {}
