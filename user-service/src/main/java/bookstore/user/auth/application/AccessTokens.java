package bookstore.user.auth.application;

import bookstore.user.account.domain.UserAccount;
import java.util.UUID;

/** Signs the short-lived access tokens every service accepts. */
public interface AccessTokens {

    /**
     * The claim naming the session (the refresh-token family) a token was issued to, so a request
     * can tell which of the account's sessions it comes from. OpenID Connect's name for it.
     */
    String SESSION_CLAIM = "sid";

    AccessToken issue(UserAccount account, UUID sessionId);
}
