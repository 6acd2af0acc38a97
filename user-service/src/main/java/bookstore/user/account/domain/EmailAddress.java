package bookstore.user.account.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account's email address, in the one form the shop compares and stores: trimmed and lower
 * case, so {@code Ann@Example.com} and {@code ann@example.com} are the same account.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The part before the {@code @}, which people like to reuse as a password. */
    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
