package bookstore.user.account.application;

import bookstore.user.account.domain.AccountStatus;
import bookstore.user.account.domain.Role;
import java.util.Optional;

/**
 * Which accounts an administrator is looking for: those whose email address or display name
 * contains {@code text} (ignoring case), those holding {@code role}, those in {@code status}, any
 * combination of these, or (none given) all.
 * The text is taken literally: {@code %} and {@code _} are characters, not wildcards.
 */
public record AccountSearch(String text, Role role, AccountStatus status) {

    /** As long as the longest email address, which is longer than any display name. */
    public static final int MAX_TEXT_LENGTH = 254;

    private static final AccountSearch EVERYONE = new AccountSearch(null, null, null);

    public AccountSearch {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("search text must be at most " + MAX_TEXT_LENGTH + " characters");
        }
    }

    public static AccountSearch everyone() {
        return EVERYONE;
    }

    public Optional<String> containing() {
        return Optional.ofNullable(text);
    }

    public Optional<Role> withRole() {
        return Optional.ofNullable(role);
    }

    public Optional<AccountStatus> inStatus() {
        return Optional.ofNullable(status);
    }
}
