package bookstore.user.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys user-service signs access tokens with, and the public keys anyone may verify them with.
 *
 * <p>Rotation without downtime: a new key is added to the folder and becomes the signing key (it
 * sorts last, or {@code active-kid} names it); the old key stays in the folder, so its public half
 * stays in the JWKS and the tokens it signed keep verifying until they expire. After one
 * access-token lifetime the old file can be removed. The folder is re-read periodically, so none of
 * this needs a restart. With several replicas, add the key first and activate it once every replica
 * has read it, so no service meets a kid that the replica it asks does not publish yet.
 *
 * <p>As a {@link JWKSource} this offers public keys only: user-service verifies its own tokens with
 * it, without an HTTP call to itself.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final KeyDirectory directory;
    private final AtomicReference<KeySet> current = new AtomicReference<>();

    private SigningKeys(KeyDirectory directory, KeySet keys) {
        this.directory = directory;
        this.current.set(keys);
    }

    /**
     * Reads the folder; when it holds no key and {@code generateIfMissing} is set (local runs),
     * creates the first one. Fails when no key can be had: a service that cannot sign must not start.
     */
    public static SigningKeys load(Path folder, boolean generateIfMissing, Clock clock) {
        KeyDirectory directory = new KeyDirectory(folder);
        if (directory.keys().isEmpty()) {
            if (!generateIfMissing) {
                throw new IllegalStateException("No signing key (<kid>.pem) in " + directory.folder()
                        + " and generating one is switched off (bookstore.identity.generate-keys-if-missing)");
            }
            RSAKey generated = directory.generate(clock);
            log.info("Generated signing key {} in {}", generated.getKeyID(), directory.folder());
        }
        return new SigningKeys(directory, KeySet.of(directory.keys(), directory.activeKid()));
    }

    /** Picks up keys added to or removed from the folder; keeps the current keys if it is unreadable. */
    public void reload() {
        try {
            KeySet reloaded = KeySet.of(directory.keys(), directory.activeKid());
            KeySet previous = current.getAndSet(reloaded);
            if (!previous.signingKey().getKeyID().equals(reloaded.signingKey().getKeyID())
                    || !previous.kids().equals(reloaded.kids())) {
                log.info(
                        "Signing keys now {}, signing with {}",
                        reloaded.kids(),
                        reloaded.signingKey().getKeyID());
            }
        } catch (RuntimeException e) {
            log.error(
                    "Cannot reload signing keys from {}; keeping {}",
                    directory.folder(),
                    current.get().kids(),
                    e);
        }
    }

    /** Where the keys are read from. */
    public Path folder() {
        return directory.folder();
    }

    /** The private key new tokens are signed with. */
    public RSAKey signingKey() {
        return current.get().signingKey();
    }

    /** The public halves of every key whose tokens may still be in use, for the JWKS endpoint. */
    public JWKSet publicKeys() {
        return current.get().publicKeys();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(current.get().publicKeys());
    }

    private record KeySet(RSAKey signingKey, JWKSet publicKeys) {

        static KeySet of(List<RSAKey> keys, Optional<String> activeKid) {
            if (keys.isEmpty()) {
                throw new IllegalStateException("The signing key folder holds no key");
            }
            RSAKey signing = activeKid
                    .map(kid -> keys.stream()
                            .filter(key -> key.getKeyID().equals(kid))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException(
                                    KeyDirectory.ACTIVE_KID_FILE + " names " + kid + ", which is not in the folder")))
                    .orElse(keys.getLast());
            return new KeySet(
                    signing,
                    new JWKSet(keys.stream()
                            .map(RSAKey::toPublicJWK)
                            .map(JWK.class::cast)
                            .toList()));
        }

        List<String> kids() {
            return publicKeys.getKeys().stream().map(JWK::getKeyID).toList();
        }
    }
}
