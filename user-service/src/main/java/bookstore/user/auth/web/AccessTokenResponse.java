package bookstore.user.auth.web;

import bookstore.user.auth.application.AccessToken;

/** A token response without the refresh token, which a browser session keeps in a cookie instead. */
record AccessTokenResponse(String accessToken, String tokenType, long expiresIn) {

    static AccessTokenResponse of(AccessToken token) {
        return new AccessTokenResponse(
                token.value(), "Bearer", token.expiresIn().toSeconds());
    }

    @Override
    public String toString() {
        return "AccessTokenResponse[expiresIn=" + expiresIn + "]";
    }
}
