package bookstore.user.account.application;

/** The link is unknown, expired or was already used. */
public final class InvalidToken extends RuntimeException {

    public InvalidToken() {
        super("The link is unknown, expired or was already used");
    }
}
