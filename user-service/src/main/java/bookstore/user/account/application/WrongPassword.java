package bookstore.user.account.application;

/** The password is wrong. */
public final class WrongPassword extends RuntimeException {

    public WrongPassword() {
        super("The password is wrong");
    }
}
