package bookstore.user.account.domain;

/**
 * An administrator tried to disable or close their own account: another administrator has to, so
 * the shop never loses its last administrator by a slip.
 */
public final class CannotLockYourselfOut extends RuntimeException {

    public CannotLockYourselfOut(String action) {
        super("Administrators cannot " + action + " their own account");
    }
}
