package bookstore.user.account.application;

import bookstore.user.account.domain.EmailAddress;
import java.util.Objects;

/** Sign up as a customer. */
public record RegisterCustomer(EmailAddress email, String password, String displayName) {

    public RegisterCustomer {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
    }

    @Override
    public String toString() {
        return "RegisterCustomer[email=" + email + ", displayName=" + displayName + "]";
    }
}
