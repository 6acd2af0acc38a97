package bookstore.user.auth.web;

import bookstore.user.auth.application.IssuedTokens;

/** The OAuth 2.0 token response shape (RFC 6749 §5.1), in the shop's camel case. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    static TokenResponse of(IssuedTokens tokens) {
        return new TokenResponse(
                tokens.accessToken().value(),
                "Bearer",
                tokens.accessToken().expiresIn().toSeconds(),
                tokens.refreshToken());
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
