package bookstore.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * Access-token decoders that accept RS256 only (so {@code alg=none} and HMAC tokens "signed" with
 * the public key are refused before any key is looked at) and then check expiry, issuer, audience
 * and that the token names a subject.
 */
final class AccessTokenDecoders {

    private AccessTokenDecoders() {}

    /** Verifies with the keys published at the JWKS URI, re-fetched when a token names an unknown key. */
    static ReactiveJwtDecoder fromJwksUri(ResourceServerProperties properties, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    /** Verifies with keys the application holds itself: user-service checks its own tokens this way. */
    static ReactiveJwtDecoder fromKeys(
            JWKSource<SecurityContext> keys, ResourceServerProperties properties, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.defer(() -> {
                    try {
                        return Flux.fromIterable(
                                keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null));
                    } catch (KeySourceException e) {
                        return Flux.error(e);
                    }
                }))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(ResourceServerProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtTypeValidator.jwt(),
                timestamps,
                // The timestamp check passes a token without exp; ours always expire.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }
}
