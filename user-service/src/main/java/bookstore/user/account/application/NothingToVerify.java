package bookstore.user.account.application;

/** The account's address is verified and no change waits. */
public final class NothingToVerify extends RuntimeException {

    public NothingToVerify() {
        super("The account's address is verified and no change waits");
    }
}
