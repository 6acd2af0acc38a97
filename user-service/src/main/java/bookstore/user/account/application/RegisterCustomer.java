package bookstore.user.account.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.Language;
import java.util.Objects;

/** Sign up as a customer, speaking {@code language}. */
public record RegisterCustomer(EmailAddress email, String password, String displayName, Language language) {

    public RegisterCustomer {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
        language = language == null ? Language.DEFAULT : language;
    }

    @Override
    public String toString() {
        return "RegisterCustomer[email=" + email + ", displayName=" + displayName + ", language=" + language + "]";
    }
}
