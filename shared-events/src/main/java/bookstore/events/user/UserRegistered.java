package bookstore.events.user;

import java.time.Instant;
import java.util.UUID;

/** A customer account was created. Carries no personal data and no credential material. */
public record UserRegistered(UUID eventId, Instant occurredAt, String userId) implements UserEvent {}
