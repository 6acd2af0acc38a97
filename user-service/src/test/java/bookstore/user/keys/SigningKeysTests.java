package bookstore.user.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTests {

    @TempDir
    Path folder;

    final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void generatesTheFirstKeyIntoAnEmptyFolderReadableByItsOwnerOnly() throws IOException {
        SigningKeys keys = SigningKeys.load(folder.resolve("keys"), true, clock);

        assertThat(keys.signingKey().getKeyID()).isEqualTo("20250601T120000Z");
        Path file = folder.resolve("keys/20250601T120000Z.pem");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void keepsUsingTheKeyItFindsAcrossRestarts() {
        String first = SigningKeys.load(folder, true, clock).signingKey().getKeyID();

        SigningKeys restarted = SigningKeys.load(folder, true, Clock.offset(clock, Duration.ofDays(1)));

        assertThat(restarted.signingKey().getKeyID()).isEqualTo(first);
        assertThat(restarted.publicKeys().getKeys()).hasSize(1);
    }

    @Test
    void refusesToStartWithoutKeysWhenGeneratingIsOff() {
        assertThatThrownBy(() -> SigningKeys.load(folder, false, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No signing key");
    }

    @Test
    void aNewKeyInTheFolderSignsAfterAReloadWhileTheOldOneStaysPublished() {
        SigningKeys keys = SigningKeys.load(folder, true, clock);
        String old = keys.signingKey().getKeyID();

        new KeyDirectory(folder).generate(Clock.offset(clock, Duration.ofDays(30)));
        keys.reload();

        assertThat(keys.signingKey().getKeyID()).isEqualTo("20250701T120000Z");
        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(old, "20250701T120000Z");
    }

    @Test
    void activeKidChoosesTheSigningKey() throws IOException {
        SigningKeys keys = SigningKeys.load(folder, true, clock);
        String old = keys.signingKey().getKeyID();
        new KeyDirectory(folder).generate(Clock.offset(clock, Duration.ofDays(30)));

        Files.writeString(folder.resolve("active-kid"), old + "\n");
        keys.reload();

        assertThat(keys.signingKey().getKeyID()).isEqualTo(old);
    }

    @Test
    void theJwksHoldsPublicKeysOnly() {
        SigningKeys keys = SigningKeys.load(folder, true, clock);

        assertThat(keys.publicKeys().getKeys()).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toJSONObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
        assertThat(keys.signingKey().isPrivate()).isTrue();
    }

    @Test
    void anUnreadableFolderAfterStartKeepsTheKeysThatWork() throws IOException {
        SigningKeys keys = SigningKeys.load(folder, true, clock);
        String kid = keys.signingKey().getKeyID();

        Files.writeString(
                folder.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        keys.reload();

        assertThat(keys.signingKey().getKeyID()).isEqualTo(kid);
    }

    @Test
    void readsKeysAnOperatorCreatedWithOpenssl() throws Exception {
        RSAKey generated = new KeyDirectory(folder).generate(clock);
        Path renamed = folder.resolve("2025-q3.pem");
        Files.move(folder.resolve(generated.getKeyID() + ".pem"), renamed);

        RSAKey read = KeyDirectory.read(renamed);

        assertThat(read.getKeyID()).isEqualTo("2025-q3");
        assertThat(read.toRSAPublicKey()).isEqualTo(generated.toRSAPublicKey());
    }
}
