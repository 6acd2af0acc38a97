package bookstore.user.account.domain;

/** What an account may do: every account shops; admins also run the shop. */
public enum Role {
    CUSTOMER,
    ADMIN
}
