package bookstore.user.account.domain;

/** An administrator tried to remove their own admin role. */
public final class CannotDemoteYourself extends RuntimeException {

    public CannotDemoteYourself() {
        super("Administrators cannot remove their own admin role");
    }
}
