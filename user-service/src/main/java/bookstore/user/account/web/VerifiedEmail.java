package bookstore.user.account.web;

/** The address a verification link verified, now the account's. */
record VerifiedEmail(String email) {}
