package bookstore.payment.provider.sandbox.wechatpay;

import bookstore.payment.provider.sandbox.SandboxPayLinks;
import bookstore.payment.provider.wechatpay.WechatPayAccount;
import bookstore.payment.provider.wechatpay.WechatPayConfigured;
import bookstore.payment.provider.wechatpay.WechatPayHttp;
import bookstore.payment.provider.wechatpay.WechatPayMerchant;
import bookstore.payment.provider.wechatpay.WechatPayProperties;
import bookstore.payment.provider.wechatpay.WechatPayProvider;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The sandbox plays WeChat Pay unless a merchant id is set. It makes up a merchant and WeChat Pay's
 * keys at start and serves WeChat Pay's API itself ({@link SandboxWechatPayApi}); the real adapter
 * ({@link WechatPayProvider}, configured with the platform public key) talks to it through the shop's
 * public address, and the real notification route verifies what it sends, so the code that would
 * speak to WeChat Pay runs in every test.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WechatPayConfigured.Not.class)
@EnableConfigurationProperties(SandboxWechatPayProperties.class)
class SandboxWechatPayConfiguration {

    /** WeChat Pay's documented sample AppID and 商户号, which no real account has. */
    static final String APP_ID = "wxd678efh567hg6787";

    static final String MERCHANT_ID = "1230000109";

    private static final Logger log = LoggerFactory.getLogger(SandboxWechatPayConfiguration.class);

    @Bean
    SandboxWechatPayKeys sandboxWechatPayKeys() {
        var keys = SandboxWechatPayKeys.generate();
        log.info(
                "No WECHATPAY_MERCHANT_ID is set: the sandbox plays WeChat Pay with keys generated for this"
                        + " process only (platform public key {})",
                keys.publicKeyId());
        return keys;
    }

    @Bean
    WechatPayAccount sandboxWechatPayAccount(
            SandboxWechatPayKeys keys, WechatPayProperties properties, SandboxPayLinks links) {
        var merchant = new WechatPayMerchant(APP_ID, MERCHANT_ID, () -> notifyUrl(properties, links));
        var http = WechatPayHttp.towards(() -> links.at(SandboxWechatPayApi.PATH), properties.timeout());
        return new WechatPayAccount(merchant, keys.config(MERCHANT_ID), http);
    }

    @Bean
    SandboxWechatPayLedger sandboxWechatPayLedger(
            DatabaseClient database, TransactionalOperator transactions, Clock clock, SandboxPayLinks links) {
        return new SandboxWechatPayLedger(database, transactions, clock, links::pageFor);
    }

    @Bean
    SandboxWechatPay sandboxWechatPay(
            SandboxWechatPayLedger ledger,
            SandboxWechatPayKeys keys,
            SandboxWechatPayProperties properties,
            Clock clock) {
        return new SandboxWechatPay(ledger, new SandboxWechatPayNotifier(keys, properties, clock), clock);
    }

    /** The shop's notification route, as WeChat Pay reaches it: through the gateway's public address. */
    private static URI notifyUrl(WechatPayProperties properties, SandboxPayLinks links) {
        return properties.notifyUrl() != null
                ? properties.notifyUrl()
                : links.at("/api/payments/webhooks/" + WechatPayProvider.NAME);
    }
}
