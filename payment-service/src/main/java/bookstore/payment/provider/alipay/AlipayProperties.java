package bookstore.payment.provider.alipay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alipay (支付宝), when configured; without an app id the built-in sandbox plays Alipay instead.
 *
 * @param appId the application's id at Alipay ({@code ALIPAY_APP_ID})
 * @param privateKey the application's RSA2 private key, PKCS#8 in base64 ({@code ALIPAY_PRIVATE_KEY});
 *     never logged or returned
 * @param alipayPublicKey Alipay's public key, X.509 in base64 ({@code ALIPAY_PUBLIC_KEY}), which
 *     Alipay's answers and notifications are verified with
 * @param gateway Alipay's gateway ({@code ALIPAY_GATEWAY}): production by default, {@code
 *     https://openapi-sandbox.dl.alipaydev.com/gateway.do} for Alipay's own sandbox
 * @param notifyUrl where Alipay posts its asynchronous notifications ({@code ALIPAY_NOTIFY_URL}), this
 *     service's {@code /api/payments/webhooks/alipay} as the internet reaches it
 * @param returnUrl where Alipay's cashier page sends the customer's browser back after paying
 * @param subjectPrefix the trade's subject (what the payer sees) before the order id
 * @param timeout connect and read timeout of one call to Alipay
 */
@ConfigurationProperties("bookstore.payment.alipay")
public record AlipayProperties(
        String appId,
        String privateKey,
        String alipayPublicKey,
        @DefaultValue(AlipayProperties.PRODUCTION) String gateway,
        String notifyUrl,
        String returnUrl,
        @DefaultValue("Bookstore order ") String subjectPrefix,
        @DefaultValue("10s") Duration timeout) {

    static final String PRODUCTION = "https://openapi.alipay.com/gateway.do";

    @Override
    public String toString() {
        return "AlipayProperties[appId=" + appId + ", gateway=" + gateway + ", notifyUrl=" + notifyUrl + "]";
    }
}
