package bookstore.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.sandbox.alipay.SandboxAlipayKeys;
import bookstore.payment.provider.sandbox.wechatpay.SandboxWechatPayKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * bookstore.payment.require-real-provider: the prod overlay's promise that no order is taken through a
 * sandbox, with the provider configuration classes the service really runs.
 */
class RealProvidersRequiredTests {

    final ApplicationContextRunner service =
            new ApplicationContextRunner().withUserConfiguration(ProviderSelectionTests.Providers.class);

    @Test
    void withoutTheSettingTheSandboxesRunAsBefore() {
        service.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(providerNames(
                            context.getBeansOfType(PaymentProvider.class).values()))
                    .contains("sandbox");
        });
    }

    @Test
    void requiredRealProvidersRefuseToStartOnTheSandboxesNamingEachAndWhatToSet() {
        service.withPropertyValues("bookstore.payment.require-real-provider=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("bookstore.payment.require-real-provider is true")
                            .hasMessageContaining("cards use the built-in sandbox (STRIPE_API_KEY and"
                                    + " STRIPE_WEBHOOK_SECRET are not both set)")
                            .hasMessageContaining("Alipay is played by the built-in sandbox (ALIPAY_APP_ID")
                            .hasMessageContaining("WeChat Pay is played by the built-in sandbox (WECHATPAY_MERCHANT_ID")
                            .hasMessageContaining("bookstore.payment.allow-sandbox=true");
                });
    }

    @Test
    void theCheckComesBeforeAnyBeanIsMade() {
        var made = new ArrayList<String>();
        service.withPropertyValues("bookstore.payment.require-real-provider=true")
                .withBean("witness", String.class, () -> {
                    made.add("witness");
                    return "made";
                })
                .run(context -> assertThat(context).hasFailed());
        assertThat(made).isEmpty();
    }

    @Test
    void stripeAloneLeavesTheWalletSandboxesRefused() {
        service.withPropertyValues(
                        "bookstore.payment.require-real-provider=true",
                        "bookstore.payment.stripe.api-key=sk_live_123",
                        "bookstore.payment.stripe.webhook-secret=whsec_1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasMessageNotContaining("cards")
                            .hasMessageContaining("Alipay is played by the built-in sandbox")
                            .hasMessageContaining("WeChat Pay is played by the built-in sandbox");
                });
    }

    @Test
    void aStripeKeyWithoutItsWebhookSecretIsStillTheSandbox() {
        assertThat(RealProvidersRequired.sandboxesIn(resolver(Map.of(
                        "bookstore.payment.stripe.api-key", "sk_live_123",
                        "bookstore.payment.stripe.webhook-secret", ""))))
                .anySatisfy(sandbox -> assertThat(sandbox).startsWith("cards use the built-in sandbox"));
    }

    @Test
    void everyRealProviderConfiguredStartsWithNoSandboxWallet() {
        service.withPropertyValues(realProviders("https://openapi.alipay.com/gateway.do"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(providerNames(context.getBeansOfType(PaymentProvider.class)
                                    .values()))
                            .containsExactlyInAnyOrder("stripe", "alipay", "wechatpay");
                    assertThat(context.getBeansOfType(SandboxWallet.class)).isEmpty();
                });
    }

    @Test
    void alipaysOwnSandboxGatewayIsASandboxToo() {
        service.withPropertyValues(realProviders("https://openapi-sandbox.dl.alipaydev.com/gateway.do"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasMessageContaining("Alipay goes to Alipay's own sandbox (ALIPAY_GATEWAY="
                                    + "https://openapi-sandbox.dl.alipaydev.com/gateway.do)")
                            .hasMessageNotContaining("cards")
                            .hasMessageNotContaining("WeChat Pay");
                });
    }

    @Test
    void stagingAllowsTheSandboxesExplicitly() {
        service.withPropertyValues(
                        "bookstore.payment.require-real-provider=true", "bookstore.payment.allow-sandbox=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(providerNames(context.getBeansOfType(PaymentProvider.class)
                                    .values()))
                            .contains("sandbox");
                });
    }

    @Test
    void theDeploymentsEnvironmentVariablesSwitchItOnAndOff() {
        assertThatIllegalStateException()
                .isThrownBy(() -> RealProvidersRequired.check(
                        environmentVariables(Map.of("BOOKSTORE_PAYMENT_REQUIRE_REAL_PROVIDER", "true"))))
                .withMessageContaining("cards use the built-in sandbox");
        assertThatNoException()
                .isThrownBy(() -> RealProvidersRequired.check(environmentVariables(Map.of(
                        "BOOKSTORE_PAYMENT_REQUIRE_REAL_PROVIDER", "true",
                        "BOOKSTORE_PAYMENT_ALLOW_SANDBOX", "true"))));
        assertThatNoException()
                .isThrownBy(() -> RealProvidersRequired.check(
                        environmentVariables(Map.of("BOOKSTORE_PAYMENT_REQUIRE_REAL_PROVIDER", "false"))));
    }

    private static String[] realProviders(String alipayGateway) {
        var alipay = SandboxAlipayKeys.generate();
        var wechat = SandboxWechatPayKeys.generate();
        return new String[] {
            "bookstore.payment.require-real-provider=true",
            "bookstore.payment.stripe.api-key=sk_live_123",
            "bookstore.payment.stripe.webhook-secret=whsec_1",
            "bookstore.payment.alipay.app-id=2021004100000001",
            "bookstore.payment.alipay.private-key=" + alipay.appPrivateKey(),
            "bookstore.payment.alipay.alipay-public-key=" + alipay.alipayPublicKey(),
            "bookstore.payment.alipay.gateway=" + alipayGateway,
            "bookstore.payment.wechatpay.app-id=wx8888888888888888",
            "bookstore.payment.wechatpay.merchant-id=1900000109",
            "bookstore.payment.wechatpay.merchant-serial-number=" + wechat.merchantSerialNumber(),
            "bookstore.payment.wechatpay.private-key="
                    + WechatPaySelectionTests.pem(wechat.merchant().getPrivate()),
            "bookstore.payment.wechatpay.api-v3-key=" + wechat.apiV3Key(),
            "bookstore.payment.wechatpay.public-key="
                    + WechatPaySelectionTests.pem(wechat.platform().getPublic()),
            "bookstore.payment.wechatpay.public-key-id=" + wechat.publicKeyId(),
            "bookstore.payment.wechatpay.notify-url=https://shop.example/api/payments/webhooks/wechatpay"
        };
    }

    private static List<String> providerNames(Collection<PaymentProvider> providers) {
        return providers.stream().map(PaymentProvider::name).toList();
    }

    private static PropertySourcesPropertyResolver environmentVariables(Map<String, Object> variables) {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", variables));
        return new PropertySourcesPropertyResolver(sources);
    }

    private static PropertySourcesPropertyResolver resolver(Map<String, Object> properties) {
        var sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("test", properties));
        return new PropertySourcesPropertyResolver(sources);
    }
}
