package bookstore.user.auth.application;

/** What a login or a refresh hands the client: an access token and the refresh token for the next one. */
public record IssuedTokens(AccessToken accessToken, String refreshToken) {

    @Override
    public String toString() {
        return "IssuedTokens[" + accessToken + "]";
    }
}
