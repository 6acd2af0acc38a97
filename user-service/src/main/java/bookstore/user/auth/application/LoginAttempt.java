package bookstore.user.auth.application;

import bookstore.user.account.domain.EmailAddress;
import java.util.List;
import java.util.Objects;

/** Someone at a client address tries to log in to an account. */
public record LoginAttempt(EmailAddress email, String clientAddress) {

    public LoginAttempt {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    String accountSubject() {
        return accountSubject(email);
    }

    static String accountSubject(EmailAddress email) {
        return "account:" + email.value();
    }

    String addressSubject() {
        return "address:" + clientAddress;
    }

    List<String> subjects() {
        return List.of(accountSubject(), addressSubject());
    }
}
