package bookstore.user.account.domain;

import java.util.Objects;

/** How to reach an account's person: where mail goes, how to address them and in which language. */
public record Contact(EmailAddress email, String displayName, Language language) {

    public Contact {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(language, "language");
    }

    /** The same person at another address, e.g. one they asked to verify before it becomes theirs. */
    public Contact at(EmailAddress address) {
        return new Contact(address, displayName, language);
    }
}
