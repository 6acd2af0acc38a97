package bookstore.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the edge checks access tokens: the same contract every service checks (see user-service's README).
 *
 * @param jwksUri where user-service publishes the public keys that verify tokens
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param clockSkew how far the signer's and the gateway's clocks may drift when checking {@code exp}
 * @param keysMaxAge how long downloaded keys are used before they are downloaded again, so a key user-service
 *     withdrew stops verifying tokens
 * @param unknownKeyCooldown how soon after a download a token naming an unknown key may cause another
 */
@ConfigurationProperties("bookstore.gateway.tokens")
record TokenProperties(
        URI jwksUri,
        String issuer,
        String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("5m") Duration keysMaxAge,
        @DefaultValue("10s") Duration unknownKeyCooldown) {

    TokenProperties {
        Objects.requireNonNull(jwksUri, "bookstore.gateway.tokens.jwks-uri must be set");
        Objects.requireNonNull(issuer, "bookstore.gateway.tokens.issuer must be set");
        Objects.requireNonNull(audience, "bookstore.gateway.tokens.audience must be set");
    }
}
