package bookstore.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures in Stripe's scheme: the header {@code Stripe-Signature: t=<unix seconds>,v1=<hex>}
 * where each {@code v1} is an HMAC-SHA256, keyed with the endpoint's signing secret, of {@code
 * t + "." + body}. A request is authentic when any of its {@code v1} values matches (a provider
 * rolling its secret signs with the old and the new one) and its timestamp is within the tolerance
 * of now, which bounds how long a captured request could be replayed.
 */
public final class WebhookSignature {

    public static final String HEADER = "Stripe-Signature";

    /** Stripe's default tolerance. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private static final String SCHEME = "v1";

    private final Clock clock;
    private final Duration tolerance;

    public WebhookSignature(Clock clock, Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** A header signing {@code payload} at {@code timestamp} with each of {@code secrets}. */
    public static String header(long timestamp, byte[] payload, String... secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(',').append(SCHEME).append('=').append(sign(secret, timestamp, payload));
        }
        return header.toString();
    }

    /**
     * Checks that {@code header} signs {@code payload} with {@code secret}, recently enough.
     *
     * @throws InvalidSignatureException if it does not
     */
    public void verify(byte[] payload, String header, String secret) {
        if (header == null || header.isBlank()) {
            throw new InvalidSignatureException("no " + HEADER + " header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            String[] pair = item.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t") && timestamp == null) {
                timestamp = parseTimestamp(pair[1]);
            } else if (pair[0].equals(SCHEME)) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null) {
            throw new InvalidSignatureException("the signature header has no timestamp");
        }
        if (signatures.isEmpty()) {
            throw new InvalidSignatureException("the signature header has no " + SCHEME + " signature");
        }
        byte[] expected = sign(secret, timestamp, payload).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (String signature : signatures) {
            // Constant time, and every candidate is compared, so timing tells nothing about the secret.
            matches |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matches) {
            throw new InvalidSignatureException("no signature matches the payload");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new InvalidSignatureException("the signature's timestamp is outside the tolerance");
        }
    }

    private static long parseTimestamp(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSignatureException("the signature's timestamp is not a number");
        }
    }

    private static String sign(String secret, long timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The request is not signed by who it claims, or not recently. */
    public static final class InvalidSignatureException extends RuntimeException {

        InvalidSignatureException(String message) {
            super(message);
        }
    }
}
