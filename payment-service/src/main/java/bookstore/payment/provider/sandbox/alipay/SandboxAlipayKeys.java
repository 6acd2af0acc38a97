package bookstore.payment.provider.sandbox.alipay;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The two RSA-2048 key pairs of an Alipay integration, made for one run of the sandbox: the app's
 * (it signs requests, Alipay verifies them with the app's public key) and Alipay's (it signs
 * answers and notifications, the app verifies them with Alipay's public key). Keys are base64 of
 * their encodings, PKCS#8 for private and X.509 for public ones, as Alipay's console hands them out.
 */
public record SandboxAlipayKeys(
        String appId, String appPrivateKey, String appPublicKey, String alipayPrivateKey, String alipayPublicKey) {

    /** An app id shaped like the ones of Alipay's own sandbox. */
    static final String APP_ID = "9021000100000000";

    public static SandboxAlipayKeys generate() {
        KeyPair app = keyPair();
        KeyPair alipay = keyPair();
        return new SandboxAlipayKeys(
                APP_ID,
                encode(app.getPrivate().getEncoded()),
                encode(app.getPublic().getEncoded()),
                encode(alipay.getPrivate().getEncoded()),
                encode(alipay.getPublic().getEncoded()));
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String encode(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "SandboxAlipayKeys[appId=" + appId + ", keys=(hidden)]";
    }
}
