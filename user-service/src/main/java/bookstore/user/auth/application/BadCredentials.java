package bookstore.user.auth.application;

/** Email and password do not match an account; deliberately silent about which one was wrong. */
public final class BadCredentials extends RuntimeException {

    public BadCredentials() {
        super("Email or password is wrong");
    }
}
