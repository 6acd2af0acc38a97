package bookstore.user.account.domain;

/** Whether the account may sign in: an administrator can disable an account and enable it again. */
public enum AccountStatus {
    ACTIVE,
    DISABLED
}
