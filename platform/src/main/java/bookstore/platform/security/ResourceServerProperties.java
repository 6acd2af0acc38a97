package bookstore.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks bearer tokens.
 *
 * @param jwksUri where user-service publishes the public keys that verify tokens
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param clockSkew how far clocks of signer and verifier may drift when checking {@code exp}
 */
@ConfigurationProperties("bookstore.security")
public record ResourceServerProperties(
        URI jwksUri,
        String issuer,
        String audience,
        @DefaultValue("30s") Duration clockSkew) {

    public ResourceServerProperties {
        Objects.requireNonNull(jwksUri, "bookstore.security.jwks-uri must be set");
        Objects.requireNonNull(issuer, "bookstore.security.issuer must be set");
        Objects.requireNonNull(audience, "bookstore.security.audience must be set");
    }
}
