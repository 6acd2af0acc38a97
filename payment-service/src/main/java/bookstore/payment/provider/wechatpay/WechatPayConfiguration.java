package bookstore.payment.provider.wechatpay;

import com.wechat.pay.java.core.AbstractRSAConfig;
import com.wechat.pay.java.core.RSAAutoCertificateConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.util.StringUtils;

/**
 * The WeChat Pay adapter and its notifications' reader, for the merchant account there is: the real
 * one when its merchant id is set, else the sandbox's ({@code SandboxWechatPayConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatPayProperties.class)
class WechatPayConfiguration {

    /** A wallet's provider, in the list of providers; never the one a plain {@code PaymentProvider} means. */
    @Bean
    @Fallback
    WechatPayProvider wechatPayProvider(WechatPayAccount account, Clock clock) {
        return account.provider(clock);
    }

    @Bean
    WechatPayNotifications wechatPayNotifications(WechatPayAccount account, Clock clock) {
        return account.notifications(clock);
    }

    /** The real WeChat Pay, when its merchant id is set. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(WechatPayConfigured.class)
    static class Real {

        @Bean
        WechatPayAccount wechatPayAccount(WechatPayProperties properties) {
            require(properties.appId(), "app-id (WECHATPAY_APP_ID)");
            require(properties.merchantSerialNumber(), "merchant-serial-number (WECHATPAY_MERCHANT_SERIAL_NUMBER)");
            require(properties.privateKey(), "private-key (WECHATPAY_PRIVATE_KEY)");
            require(properties.apiV3Key(), "api-v3-key (WECHATPAY_API_V3_KEY)");
            require(
                    properties.notifyUrl() == null
                            ? null
                            : properties.notifyUrl().toString(),
                    "notify-url (WECHATPAY_NOTIFY_URL)");
            OkHttpClient http = WechatPayHttp.towards(properties::baseUrl, properties.timeout());
            var merchant = new WechatPayMerchant(properties.appId(), properties.merchantId(), properties::notifyUrl);
            return new WechatPayAccount(merchant, config(properties, http), http);
        }

        /**
         * With WeChat Pay's platform public key (微信支付公钥) when it is given; otherwise the platform
         * certificates, which the SDK downloads at start and renews.
         */
        private static AbstractRSAConfig config(WechatPayProperties properties, OkHttpClient http) {
            if (StringUtils.hasText(properties.publicKey())) {
                require(properties.publicKeyId(), "public-key-id (WECHATPAY_PUBLIC_KEY_ID)");
                return new RSAPublicKeyConfig.Builder()
                        .merchantId(properties.merchantId())
                        .privateKey(properties.privateKey())
                        .merchantSerialNumber(properties.merchantSerialNumber())
                        .publicKey(properties.publicKey())
                        .publicKeyId(properties.publicKeyId())
                        .apiV3Key(properties.apiV3Key())
                        .build();
            }
            return new RSAAutoCertificateConfig.Builder()
                    .merchantId(properties.merchantId())
                    .privateKey(properties.privateKey())
                    .merchantSerialNumber(properties.merchantSerialNumber())
                    .apiV3Key(properties.apiV3Key())
                    .httpClientBuilder(new DefaultHttpClientBuilder().okHttpClient(http))
                    .build();
        }

        private static void require(String value, String name) {
            if (!StringUtils.hasText(value)) {
                throw new IllegalStateException(
                        "WECHATPAY_MERCHANT_ID is set, so bookstore.payment.wechatpay." + name + " must be set too");
            }
        }
    }
}
