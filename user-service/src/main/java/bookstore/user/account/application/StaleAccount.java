package bookstore.user.account.application;

/** The account changed since it was read; the caller reads it again and retries. */
public final class StaleAccount extends RuntimeException {

    public StaleAccount() {
        super("The account was changed concurrently");
    }
}
