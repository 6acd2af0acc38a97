package bookstore.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.payments.domain.PaymentMethods;
import bookstore.payment.provider.alipay.AlipayAccount;
import bookstore.payment.provider.sandbox.SandboxWallet;
import bookstore.payment.provider.sandbox.alipay.SandboxAlipayKeys;
import bookstore.payment.webhook.WebhookEndpoint;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Which provider takes payments, and which webhook route is open, follows from configuration alone. */
class ProviderSelectionTests {

    final ApplicationContextRunner service = new ApplicationContextRunner().withUserConfiguration(Providers.class);

    @Test
    void sandboxTakesPaymentsUnlessStripeIsConfigured() {
        service.run(context -> {
            assertThat(cardProvider(context).name()).isEqualTo("sandbox");
            assertThat(context.getBeansOfType(WebhookEndpoint.class).values())
                    .singleElement()
                    .extracting(WebhookEndpoint::provider)
                    .isEqualTo("sandbox");
        });
    }

    @Test
    void stripeTakesPaymentsWhenBothItsKeyAndWebhookSecretAreSet() {
        service.withPropertyValues(
                        "bookstore.payment.stripe.api-key=sk_test_123",
                        "bookstore.payment.stripe.webhook-secret=whsec_1")
                .run(context -> {
                    assertThat(cardProvider(context).name()).isEqualTo("stripe");
                    assertThat(context.getBeansOfType(WebhookEndpoint.class).values())
                            .singleElement()
                            .satisfies(endpoint -> {
                                assertThat(endpoint.provider()).isEqualTo("stripe");
                                assertThat(endpoint.secret()).isEqualTo("whsec_1");
                                assertThat(endpoint.toString()).doesNotContain("whsec_1");
                            });
                });
    }

    @Test
    void stripeKeyWithoutWebhookSecretKeepsTheSandbox() {
        service.withPropertyValues(
                        "bookstore.payment.stripe.api-key=sk_test_123", "bookstore.payment.stripe.webhook-secret=")
                .run(context -> assertThat(cardProvider(context).name()).isEqualTo("sandbox"));
    }

    @Test
    void sandboxWebhookSecretIsTheConfiguredOneOrFreshlyGenerated() {
        service.withPropertyValues("bookstore.payment.sandbox.webhook-secret=whsec_from_launcher")
                .run(context -> assertThat(
                                context.getBean(WebhookEndpoint.class).secret())
                        .isEqualTo("whsec_from_launcher"));

        AtomicReference<String> first = new AtomicReference<>();
        service.run(context -> first.set(context.getBean(WebhookEndpoint.class).secret()));
        service.run(context -> assertThat(context.getBean(WebhookEndpoint.class).secret())
                .startsWith("whsec_")
                .hasSizeGreaterThan(40)
                .isNotEqualTo(first.get()));
    }

    @Test
    void sandboxPlaysAlipayUnlessAnAppIdIsSet() {
        service.run(context -> {
            assertThat(alipay(context).name()).isEqualTo("alipay");
            assertThat(context.getBean(AlipayAccount.class).appId()).isEqualTo("9021000100000000");
            assertThat(context.getBeansOfType(SandboxWallet.class).values())
                    .extracting(SandboxWallet::name)
                    .contains("alipay");
        });
    }

    @Test
    void realAlipayTakesAlipayPaymentsWhenItsAppIdIsSet() {
        var keys = SandboxAlipayKeys.generate();
        service.withPropertyValues(
                        "bookstore.payment.alipay.app-id=2021004100000001",
                        "bookstore.payment.alipay.private-key=" + keys.appPrivateKey(),
                        "bookstore.payment.alipay.alipay-public-key=" + keys.alipayPublicKey())
                .run(context -> {
                    assertThat(alipay(context).name()).isEqualTo("alipay");
                    var account = context.getBean(AlipayAccount.class);
                    assertThat(account.appId()).isEqualTo("2021004100000001");
                    assertThat(account.gateway().get()).isEqualTo("https://openapi.alipay.com/gateway.do");
                    assertThat(account.toString()).doesNotContain(keys.appPrivateKey());
                    assertThat(context.getBeansOfType(SandboxWallet.class).values())
                            .extracting(SandboxWallet::name)
                            .doesNotContain("alipay");
                });
    }

    @Test
    void alipayAppIdWithoutKeysDoesNotStart() {
        service.withPropertyValues("bookstore.payment.alipay.app-id=2021004100000001")
                .run(context -> assertThat(context).hasFailed());
    }

    /** The provider that takes card payments; the wallets' providers are there besides it. */
    private static PaymentProvider cardProvider(ApplicationContext context) {
        return context.getBeansOfType(PaymentProvider.class).values().stream()
                .filter(provider -> provider.takes("pm_card_visa"))
                .findFirst()
                .orElseThrow();
    }

    private static PaymentProvider alipay(ApplicationContext context) {
        return context.getBeansOfType(PaymentProvider.class).values().stream()
                .filter(provider -> provider.takes(PaymentMethods.ALIPAY_QR))
                .findFirst()
                .orElseThrow();
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("bookstore.payment.provider")
    static class Providers {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        DatabaseClient databaseClient() {
            return mock(DatabaseClient.class);
        }

        @Bean
        TransactionalOperator transactionalOperator() {
            return mock(TransactionalOperator.class);
        }
    }
}
