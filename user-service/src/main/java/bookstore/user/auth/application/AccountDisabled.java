package bookstore.user.auth.application;

/**
 * The password was right, but an administrator disabled the account. Said only after the password
 * matched, so it tells a guesser nothing a wrong password would not.
 */
public final class AccountDisabled extends RuntimeException {

    public AccountDisabled() {
        super("The account is disabled");
    }
}
