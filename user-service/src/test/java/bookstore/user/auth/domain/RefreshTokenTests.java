package bookstore.user.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.user.auth.domain.RefreshToken.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTests {

    final Instant now = Instant.parse("2025-06-01T12:00:00Z");
    final RefreshToken fresh =
            RefreshToken.issue(UUID.randomUUID(), UUID.randomUUID(), now, now.plus(Duration.ofDays(7)));

    @Test
    void aFreshTokenIsUsableUntilItExpires() {
        assertThat(fresh.status(now.plus(Duration.ofDays(6)))).isEqualTo(Status.USABLE);
        assertThat(fresh.status(now.plus(Duration.ofDays(7)))).isEqualTo(Status.EXPIRED);
    }

    @Test
    void aUsedTokenPresentedAgainIsAReuse() {
        RefreshToken used = new RefreshToken(
                fresh.id(), fresh.familyId(), fresh.userId(), fresh.issuedAt(), fresh.expiresAt(), now, null);

        assertThat(used.status(now.plusSeconds(1))).isEqualTo(Status.REUSED);
    }

    @Test
    void revocationWinsOverEverythingElse() {
        RefreshToken revoked = new RefreshToken(
                fresh.id(), fresh.familyId(), fresh.userId(), fresh.issuedAt(), fresh.expiresAt(), now, now);

        assertThat(revoked.status(now)).isEqualTo(Status.REVOKED);
    }
}
