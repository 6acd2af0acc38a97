package bookstore.payment.provider.alipay;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Alipay application this service pays through: the real one ({@link AlipayConfiguration}) or
 * the sandbox's ({@code bookstore.payment.provider.sandbox.alipay}), whichever is active declares
 * it, and the same adapter and notification route serve both.
 *
 * @param gateway where the adapter calls Alipay's API; a supplier because the sandbox's is this
 *     service's own port, known only once the web server is up
 * @param pageGateway where a customer's browser is sent for the cashier page (电脑网站支付): Alipay's
 *     gateway too, the sandbox's as the world reaches it through the shop's gateway
 * @param notifyUrl where Alipay posts its notifications; null for none
 * @param returnUrl where the cashier page sends the browser back; null for none
 */
public record AlipayAccount(
        String appId,
        String appPrivateKey,
        String alipayPublicKey,
        Supplier<String> gateway,
        Supplier<String> pageGateway,
        Supplier<String> notifyUrl,
        String returnUrl,
        String subjectPrefix,
        Duration timeout) {

    public AlipayAccount {
        requireText(appId, "an Alipay app id");
        requireText(appPrivateKey, "the app's private key (ALIPAY_PRIVATE_KEY)");
        requireText(alipayPublicKey, "Alipay's public key (ALIPAY_PUBLIC_KEY)");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(pageGateway, "pageGateway");
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        Objects.requireNonNull(subjectPrefix, "subjectPrefix");
        Objects.requireNonNull(timeout, "timeout");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Alipay needs " + what);
        }
    }

    @Override
    public String toString() {
        return "AlipayAccount[appId=" + appId + ", keys=(hidden)]";
    }
}
