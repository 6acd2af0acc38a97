package bookstore.user.account.application;

/** Someone tried to register an email address that already has an account. */
public final class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered() {
        super("An account with this email address exists");
    }
}
