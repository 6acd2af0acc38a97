package bookstore.user.auth.application;

/** The refresh token is unknown, expired, revoked or was used before; the client must log in. */
public final class InvalidRefreshToken extends RuntimeException {

    public InvalidRefreshToken() {
        super("The refresh token is not valid");
    }
}
