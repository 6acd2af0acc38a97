package bookstore.user.auth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One issued refresh token (its value is not kept, only a hash of it). Tokens of one login form a
 * family; using a token replaces it with the next one of the family, so each token works once.
 */
public record RefreshToken(
        UUID id, UUID familyId, UUID userId, Instant issuedAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static RefreshToken issue(UUID familyId, UUID userId, Instant now, Instant expiresAt) {
        return new RefreshToken(UUID.randomUUID(), familyId, userId, now, expiresAt, null, null);
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (usedAt != null) {
            return Status.REUSED;
        }
        if (!now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return Status.USABLE;
    }

    public enum Status {
        USABLE,
        /** Already exchanged once: whoever presents it now may have stolen it. */
        REUSED,
        REVOKED,
        EXPIRED
    }
}
