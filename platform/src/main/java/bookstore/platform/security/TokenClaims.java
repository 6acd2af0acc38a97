package bookstore.platform.security;

/**
 * The access-token contract between user-service, which signs the tokens, and every service and
 * the gateway, which verify them: RS256 JWTs whose {@code sub} is the user id, with {@code iss},
 * {@code aud}, {@code exp}, {@code iat}, {@code jti} and the caller's roles.
 */
public final class TokenClaims {

    /** The roles the token grants, a JSON array such as {@code ["CUSTOMER"]}. */
    public static final String ROLES = "roles";

    private TokenClaims() {}
}
