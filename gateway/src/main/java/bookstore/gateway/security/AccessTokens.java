package bookstore.gateway.security;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * Verifies access tokens as every service does: RS256 only, so {@code alg=none} and an HMAC "signed" with the public
 * key are refused before any key is looked at; then signature, expiry, issuer, audience and a subject.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class AccessTokens {

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(TokenProperties tokens) {
        Clock clock = Clock.systemUTC();
        PublishedKeys keys =
                PublishedKeys.at(tokens.jwksUri(), tokens.keysMaxAge(), tokens.unknownKeyCooldown(), clock);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(
                        token -> keys.matching(token.getHeader()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(tokens, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(TokenProperties tokens, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(tokens.clockSkew());
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtTypeValidator.jwt(),
                timestamps,
                // The timestamp check passes a token without exp; the shop's tokens always expire.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtIssuerValidator(tokens.issuer()),
                new JwtAudienceValidator(tokens.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }
}
