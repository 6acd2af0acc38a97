package bookstore.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Mints access tokens the way user-service does, and the forgeries an attacker would try. */
final class Tokens {

    static final String ISSUER = "urn:bookstore:identity";
    static final String AUDIENCE = "urn:bookstore:api";

    private Tokens() {}

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(UUID subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject.toString())
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, List.of(roles));
    }

    static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
        return signed(key, claims, UnaryOperator.identity());
    }

    static String signed(RSAKey key, JWTClaimsSet.Builder claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    change.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg=none}). */
    static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    /**
     * The key-confusion forgery: HS256 with the RSA public key, which every client can download,
     * used as the HMAC secret, hoping the verifier feeds "its key" to whatever algorithm the header
     * names.
     */
    static String hmacSignedWithPublicKey(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            byte[] publicKeyPem = ("-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(key.toRSAPublicKey().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new MACSigner(publicKeyPem));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with one character of its payload changed, signature kept. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CUSTOMER\"", "\"ADMIN\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }
}
