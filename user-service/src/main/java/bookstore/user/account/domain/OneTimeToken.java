package bookstore.user.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A token mailed to {@code email} to prove its reader is the account's owner, for one purpose,
 * once, until it expires. Only its hash is kept; the value exists in the mail alone.
 */
public record OneTimeToken(String hash, Purpose purpose, UUID userId, EmailAddress email, Instant expiresAt) {

    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    public OneTimeToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new token and the value to mail, which nothing keeps. */
    public static Issued issue(Purpose purpose, UUID userId, EmailAddress email, Instant expiresAt) {
        String value = TokenValues.newValue();
        return new Issued(value, new OneTimeToken(TokenValues.hash(value), purpose, userId, email, expiresAt));
    }

    public record Issued(String value, OneTimeToken token) {

        @Override
        public String toString() {
            return "Issued[" + token.purpose() + " for " + token.userId() + "]";
        }
    }
}
