package bookstore.notification.directory.application;

import java.util.Objects;

/**
 * How to reach an account's person.
 *
 * @param pseudonym the account id's customer pseudonym, as order events name the customer
 * @param language {@code zh-CN} or {@code en}
 */
public record Contact(String userId, String pseudonym, String email, String displayName, String language) {

    public Contact {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(language, "language");
    }
}
