package bookstore.user.auth.application;

import bookstore.user.account.domain.EmailAddress;
import bookstore.user.account.domain.TokenValues;
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

    /**
     * An account's failures are counted under the hash of its address: the counters need not keep the addresses people
     * typed, and an erased account's address must not linger in them, nor come back with the next wrong guess.
     */
    static String accountSubject(EmailAddress email) {
        return "account:" + TokenValues.hash(email.value());
    }

    String addressSubject() {
        return "address:" + clientAddress;
    }

    List<String> subjects() {
        return List.of(accountSubject(), addressSubject());
    }
}
