package bookstore.user.keys;

import bookstore.platform.security.ResourceServerProperties;
import bookstore.platform.security.TokenClaims;
import bookstore.user.account.domain.Role;
import bookstore.user.account.domain.UserAccount;
import bookstore.user.auth.application.AccessToken;
import bookstore.user.auth.application.AccessTokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Access tokens as RS256 JWTs with the current signing key, its kid in the header. The claims are
 * the contract every service and the gateway check: {@code sub} (the user id), {@code roles},
 * {@code iss}, {@code aud}, {@code iat}, {@code exp} and a unique {@code jti}; {@code sid} names the
 * session for user-service itself.
 */
public class JwtAccessTokens implements AccessTokens {

    private final SigningKeys keys;
    private final ResourceServerProperties contract;
    private final Duration lifetime;
    private final Clock clock;

    public JwtAccessTokens(SigningKeys keys, ResourceServerProperties contract, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.contract = contract;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(UserAccount account, UUID sessionId) {
        RSAKey signingKey = keys.signingKey();
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(account.id().toString())
                .issuer(contract.issuer())
                .audience(List.of(contract.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .claim(AccessTokens.SESSION_CLAIM, sessionId.toString())
                .claim(
                        TokenClaims.ROLES,
                        account.roles().stream().map(Role::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKey.getKeyID())
                .type("JWT")
                .build();
        String token = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)))
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();
        return new AccessToken(token, lifetime);
    }
}
