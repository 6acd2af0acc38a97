package bookstore.user.auth.application;

import bookstore.user.account.domain.UserAccount;

/** Signs the short-lived access tokens every service accepts. */
public interface AccessTokens {

    AccessToken issue(UserAccount account);
}
