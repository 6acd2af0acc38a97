package bookstore.payment.provider.sandbox.wechatpay;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of a WeChat Pay merchant account and of WeChat Pay itself, made up for the sandbox (and
 * for tests), with WeChat Pay's side of the API v3 signature scheme: it checks the merchant's
 * {@code Authorization: WECHATPAY2-SHA256-RSA2048 …} with the merchant's public key, signs its
 * responses and notifications with the platform private key ({@code Wechatpay-Timestamp}, {@code
 * -Nonce}, {@code -Signature}, {@code -Serial} = the public key id, over {@code
 * timestamp\nnonce\nbody\n}) and encrypts a notification's resource with the API v3 key
 * (AEAD_AES_256_GCM). The shop's side is the SDK's own, configured with {@link #config}.
 *
 * @param merchant the merchant's API key pair (its private key signs requests)
 * @param merchantSerialNumber the merchant certificate's serial number the requests name
 * @param platform WeChat Pay's platform key pair (微信支付公钥 and its private half)
 * @param publicKeyId the platform public key's id, {@code PUB_KEY_ID_…}
 * @param apiV3Key the 32-character API v3 key
 */
public record SandboxWechatPayKeys(
        KeyPair merchant, String merchantSerialNumber, KeyPair platform, String publicKeyId, String apiV3Key) {

    public static final String SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048";

    /** How far a request's timestamp may be from now, as WeChat Pay allows. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern AUTHORIZATION_ITEM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** New keys: two RSA-2048 pairs, a serial number, a public key id and an API v3 key. */
    public static SandboxWechatPayKeys generate() {
        return new SandboxWechatPayKeys(
                rsa(),
                HexFormat.of().withUpperCase().formatHex(bytes(20)),
                rsa(),
                "PUB_KEY_ID_" + digits(32),
                random(32));
    }

    /** The SDK's configuration of a merchant holding these keys, with WeChat Pay's public key. */
    public RSAPublicKeyConfig config(String merchantId) {
        return new RSAPublicKeyConfig.Builder()
                .merchantId(merchantId)
                .privateKey(merchant.getPrivate())
                .merchantSerialNumber(merchantSerialNumber)
                .publicKey(platform.getPublic())
                .publicKeyId(publicKeyId)
                .apiV3Key(apiV3Key)
                .build();
    }

    /** WeChat Pay's signature headers for a response or notification body sent at {@code now}. */
    public Map<String, String> sign(String body, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        String nonce = random(32);
        String signature = new RSASigner(publicKeyId, platform.getPrivate())
                .sign(timestamp + "\n" + nonce + "\n" + body + "\n")
                .getSign();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", signature);
        headers.put("Wechatpay-Serial", publicKeyId);
        headers.put("Wechatpay-Signature-Type", SIGNATURE_TYPE);
        return headers;
    }

    /**
     * Whether a request carries the merchant's valid signature, made recently: {@code method\n
     * canonical URL\ntimestamp\nnonce\nbody\n} signed with the merchant's private key, naming the
     * merchant and its certificate serial number.
     *
     * @param canonicalUrl the path and query as the merchant addressed them ({@code /v3/…?mchid=…})
     */
    public boolean authorizes(
            String method, String canonicalUrl, String body, String authorization, String merchantId, Instant now) {
        if (authorization == null || !authorization.startsWith(SIGNATURE_TYPE + " ")) {
            return false;
        }
        Map<String, String> items = new HashMap<>();
        Matcher matcher = AUTHORIZATION_ITEM.matcher(authorization.substring(SIGNATURE_TYPE.length() + 1));
        while (matcher.find()) {
            items.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        String timestamp = items.get("timestamp");
        if (!merchantId.equals(items.get("mchid"))
                || !merchantSerialNumber.equals(items.get("serial_no"))
                || items.get("nonce_str") == null
                || items.get("signature") == null
                || timestamp == null
                || !timestamp.matches("\\d{1,12}")
                || Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE.toSeconds()) {
            return false;
        }
        String message = method.toUpperCase(Locale.ROOT) + "\n" + canonicalUrl + "\n" + timestamp + "\n"
                + items.get("nonce_str") + "\n" + body + "\n";
        return new RSAVerifier(merchant.getPublic(), merchantSerialNumber)
                .verify(merchantSerialNumber, message, items.get("signature"));
    }

    /**
     * A notification's resource: the plaintext encrypted with the API v3 key under a fresh nonce and
     * the associated data, as {@code {algorithm, ciphertext, associated_data, original_type, nonce}}.
     */
    public Map<String, Object> encrypt(String plaintext, String associatedData, String originalType) {
        String nonce = random(12);
        String ciphertext = new AeadAesCipher(apiV3Key.getBytes(StandardCharsets.UTF_8))
                .encrypt(
                        associatedData.getBytes(StandardCharsets.UTF_8),
                        nonce.getBytes(StandardCharsets.UTF_8),
                        plaintext.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("original_type", originalType);
        resource.put("algorithm", "AEAD_AES_256_GCM");
        resource.put("ciphertext", ciphertext);
        resource.put("associated_data", associatedData);
        resource.put("nonce", nonce);
        return resource;
    }

    @Override
    public String toString() {
        return "SandboxWechatPayKeys[merchantSerialNumber=" + merchantSerialNumber + ", publicKeyId=" + publicKeyId
                + ", keys=(hidden)]";
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Random decimal digits, as WeChat Pay's ids are made of. */
    static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static String random(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
