package bookstore.payment.provider.wechatpay;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat Pay (微信支付) API v3, when configured; without a merchant id the built-in sandbox plays it.
 *
 * @param appId the AppID the merchant pays under ({@code WECHATPAY_APP_ID})
 * @param merchantId 商户号 ({@code WECHATPAY_MERCHANT_ID}); set, the real WeChat Pay is used
 * @param merchantSerialNumber the serial number of the merchant's API certificate, which signs requests
 * @param privateKey the merchant's API private key, PEM ({@code apiclient_key.pem}); never logged
 * @param apiV3Key the 32-character API v3 key that decrypts notifications; never logged
 * @param publicKey WeChat Pay's platform public key, PEM (微信支付公钥); unset, the SDK downloads and
 *     renews the platform certificates itself
 * @param publicKeyId the platform public key's id ({@code PUB_KEY_ID_…}), with {@code publicKey}
 * @param notifyUrl where WeChat Pay posts payment notifications: the shop's public address of {@code
 *     POST /api/payments/webhooks/wechatpay}
 * @param baseUrl where the API is; tests point it at recorded responses
 * @param timeout connect and read timeout of one request
 */
@ConfigurationProperties("bookstore.payment.wechatpay")
public record WechatPayProperties(
        String appId,
        String merchantId,
        String merchantSerialNumber,
        String privateKey,
        String apiV3Key,
        String publicKey,
        String publicKeyId,
        URI notifyUrl,
        @DefaultValue(WechatPayProperties.API) URI baseUrl,
        @DefaultValue("10s") Duration timeout) {

    /** WeChat Pay's API, as the SDK addresses it. */
    public static final String API = "https://api.mch.weixin.qq.com";

    public WechatPayProperties {
        // An environment variable set to nothing (WECHATPAY_NOTIFY_URL=) means unset, not an empty address.
        if (notifyUrl != null && notifyUrl.toString().isBlank()) {
            notifyUrl = null;
        }
    }

    @Override
    public String toString() {
        return "WechatPayProperties[appId=" + appId + ", merchantId=" + merchantId + ", publicKeyId=" + publicKeyId
                + ", notifyUrl=" + notifyUrl + ", baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
    }
}
