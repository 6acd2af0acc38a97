package bookstore.systemtests.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Reading access tokens as anyone can (header and claims are only Base64), and signing new ones. */
final class Tokens {

    static final Duration LIFETIME = Duration.ofMinutes(15);

    private Tokens() {}

    static SignedJWT parsed(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT: " + token, e);
        }
    }

    static String kidOf(String token) {
        return parsed(token).getHeader().getKeyID();
    }

    static JWTClaimsSet claimsOf(String token) {
        try {
            return parsed(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException("no claims in " + token, e);
        }
    }

    static List<String> rolesOf(String token) {
        try {
            return claimsOf(token).getStringListClaim("roles");
        } catch (ParseException e) {
            throw new IllegalArgumentException("roles are not a list of strings in " + token, e);
        }
    }

    /** The claims of a genuine token, issued anew: same subject, roles, issuer and audience; fresh times and id. */
    static JWTClaimsSet.Builder reissued(JWTClaimsSet genuine) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder(genuine)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** An RS256 token as user-service signs it: its kid and {@code typ: JWT} in the header. */
    static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }
}
