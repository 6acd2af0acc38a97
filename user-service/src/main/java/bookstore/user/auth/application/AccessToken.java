package bookstore.user.auth.application;

import java.time.Duration;

/** A signed access token and how long it stays valid. */
public record AccessToken(String value, Duration expiresIn) {

    @Override
    public String toString() {
        return "AccessToken[expiresIn=" + expiresIn + "]";
    }
}
