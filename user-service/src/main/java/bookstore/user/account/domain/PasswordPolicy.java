package bookstore.user.account.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be, after NIST SP 800-63B: long enough, and not one that attackers try
 * first, i.e. neither a well-known common password nor the account's own email address. No rules
 * about character classes: they make passwords harder to remember, not to guess.
 */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 128;

    private final int minLength;
    private final Set<String> commonPasswords;

    public PasswordPolicy(int minLength, Set<String> commonPasswords) {
        if (minLength < 8) {
            throw new IllegalArgumentException("a minimum below 8 characters protects nothing");
        }
        this.minLength = minLength;
        this.commonPasswords = Objects.requireNonNull(commonPasswords).stream()
                .map(PasswordPolicy::normalised)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the password is refused; empty when it is acceptable. */
    public List<String> violations(String password, EmailAddress email) {
        List<String> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            violations.add("must have at least " + minLength + " characters");
        }
        if (length > MAX_LENGTH) {
            violations.add("must have at most " + MAX_LENGTH + " characters");
        }
        String candidate = normalised(password);
        if (candidate.equals(email.value()) || candidate.equals(email.localPart())) {
            violations.add("must not be the email address");
        }
        if (commonPasswords.contains(candidate)) {
            violations.add("is one of the most common passwords");
        }
        return List.copyOf(violations);
    }

    public void check(String password, EmailAddress email) {
        List<String> violations = violations(password, email);
        if (!violations.isEmpty()) {
            throw new WeakPassword(violations);
        }
    }

    private static String normalised(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }
}
