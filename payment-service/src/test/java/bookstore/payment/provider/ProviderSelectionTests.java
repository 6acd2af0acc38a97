package bookstore.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import bookstore.payment.payments.application.PaymentProvider;
import bookstore.payment.webhook.WebhookEndpoint;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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
            assertThat(context.getBean(PaymentProvider.class).name()).isEqualTo("sandbox");
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
                    assertThat(context.getBean(PaymentProvider.class).name()).isEqualTo("stripe");
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
                .run(context -> assertThat(
                                context.getBean(PaymentProvider.class).name())
                        .isEqualTo("sandbox"));
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
