package bookstore.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way a customer's account id becomes the pseudonym that order and sales events carry: HMAC-SHA256 with a
 * secret key, written as 64 lower-case hex digits. Analytics can count a customer's orders without learning who they
 * are, and nobody without the key can go from an account id to its pseudonym or back. Every shop service that must
 * recognise a customer in those events (order-service, which writes them; the catalogue, which knows verified buyers
 * by them) computes it here, with the same key (docs/adr/0013).
 */
public final class CustomerPseudonym {

    /** Shorter secrets are too easy to guess, which would let anyone link pseudonyms back to accounts. */
    public static final int MIN_KEY_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the key; at least {@link #MIN_KEY_LENGTH} characters
     */
    public CustomerPseudonym(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "the customer pseudonym key must be a secret of at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The pseudonym of an account id (the access token's subject). */
    public String of(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
