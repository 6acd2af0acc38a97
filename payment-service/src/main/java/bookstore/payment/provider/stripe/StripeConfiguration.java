package bookstore.payment.provider.stripe;

import bookstore.payment.provider.StripeConfigured;
import bookstore.payment.webhook.WebhookEndpoint;
import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@Conditional(StripeConfigured.class)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    @Bean
    StripeProvider stripeProvider(StripeProperties properties) {
        int timeout = Math.toIntExact(properties.timeout().toMillis());
        var client = StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout)
                .setMaxNetworkRetries(properties.networkRetries())
                .build();
        return new StripeProvider(client, properties::returnUrlFor);
    }

    @Bean
    WebhookEndpoint stripeWebhookEndpoint(StripeProperties properties) {
        return new WebhookEndpoint(StripeProvider.NAME, properties.webhookSecret());
    }
}
