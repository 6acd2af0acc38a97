package bookstore.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import bookstore.payment.provider.wechatpay.WechatPayAccount;
import bookstore.payment.provider.wechatpay.WechatPayProperties;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** Whether the sandbox or the real WeChat Pay takes {@code wechat_native} follows from configuration alone. */
class WechatPaySelectionTests {

    final ApplicationContextRunner service =
            new ApplicationContextRunner().withUserConfiguration(ProviderSelectionTests.Providers.class);

    @Test
    void theSandboxPlaysWechatPayUnlessAMerchantIdIsSet() {
        service.run(context -> {
            assertThat(wechatPay(context).name()).isEqualTo("wechatpay");
            assertThat(context.getBean(WechatPayAccount.class).merchant().merchantId())
                    .isEqualTo("1230000109");
            assertThat(context.getBeansOfType(SandboxWallet.class).values())
                    .anySatisfy(wallet -> assertThat(wallet.name()).isEqualTo("wechatpay"));
            assertThat(context.getBean(SandboxWechatPayKeys.class).publicKeyId())
                    .startsWith("PUB_KEY_ID_");
        });
    }

    @Test
    void theRealWechatPayTakesOverWhenItsMerchantIdAndKeysAreSet() {
        var keys = SandboxWechatPayKeys.generate();
        service.withPropertyValues(
                        "bookstore.payment.wechatpay.app-id=wx8888888888888888",
                        "bookstore.payment.wechatpay.merchant-id=1900000109",
                        "bookstore.payment.wechatpay.merchant-serial-number=" + keys.merchantSerialNumber(),
                        "bookstore.payment.wechatpay.private-key="
                                + pem(keys.merchant().getPrivate()),
                        "bookstore.payment.wechatpay.api-v3-key=" + keys.apiV3Key(),
                        "bookstore.payment.wechatpay.public-key="
                                + pem(keys.platform().getPublic()),
                        "bookstore.payment.wechatpay.public-key-id=" + keys.publicKeyId(),
                        "bookstore.payment.wechatpay.notify-url=https://shop.example/api/payments/webhooks/wechatpay")
                .run(context -> {
                    assertThat(wechatPay(context).name()).isEqualTo("wechatpay");
                    assertThat(context.getBean(WechatPayAccount.class)
                                    .merchant()
                                    .merchantId())
                            .isEqualTo("1900000109");
                    assertThat(context.getBeansOfType(SandboxWechatPayKeys.class))
                            .isEmpty();
                    assertThat(context.getBeansOfType(SandboxWallet.class).values())
                            .noneSatisfy(wallet -> assertThat(wallet.name()).isEqualTo("wechatpay"));
                    assertThat(context.getBean(WechatPayProperties.class).toString())
                            .doesNotContain(keys.apiV3Key());
                });
    }

    @Test
    void variablesSetToNothingKeepTheSandboxAndItsOwnNotificationRoute() {
        service.withPropertyValues(
                        "bookstore.payment.wechatpay.app-id=",
                        "bookstore.payment.wechatpay.merchant-id=",
                        "bookstore.payment.wechatpay.public-key=",
                        "bookstore.payment.wechatpay.notify-url=",
                        "bookstore.payment.sandbox.public-url=https://shop.example")
                .run(context -> {
                    assertThat(context.getBean(SandboxWechatPayKeys.class)).isNotNull();
                    assertThat(context.getBean(WechatPayAccount.class)
                                    .merchant()
                                    .notifyUrl()
                                    .get())
                            .hasToString("https://shop.example/api/payments/webhooks/wechatpay");
                });
    }

    @Test
    void aMerchantIdWithoutItsKeysDoesNotStart() {
        service.withPropertyValues("bookstore.payment.wechatpay.merchant-id=1900000109")
                .run(context -> assertThat(context).hasFailed());
    }

    private static PaymentProvider wechatPay(ApplicationContext context) {
        return context.getBeansOfType(PaymentProvider.class).values().stream()
                .filter(provider -> provider.takes(PaymentMethods.WECHAT_NATIVE))
                .findFirst()
                .orElseThrow();
    }

    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }
}
