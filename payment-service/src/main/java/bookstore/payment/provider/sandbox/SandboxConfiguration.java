package bookstore.payment.provider.sandbox;

import bookstore.payment.provider.StripeNotConfigured;
import bookstore.payment.webhook.WebhookEndpoint;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The sandbox is the provider unless Stripe is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeNotConfigured.class)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    SandboxWebhooks sandboxWebhooks(SandboxProperties properties, Environment environment, Clock clock) {
        var endpoint = new WebhookEndpoint(SandboxProvider.NAME, webhookSecret(properties));
        return new SandboxWebhooks(endpoint, () -> webhookUrl(properties, environment), properties, clock);
    }

    @Bean
    WebhookEndpoint sandboxWebhookEndpoint(SandboxWebhooks webhooks) {
        return webhooks.endpoint();
    }

    @Bean
    SandboxProvider sandboxProvider(
            DatabaseClient database,
            TransactionalOperator transactions,
            SandboxWebhooks webhooks,
            SandboxProperties properties,
            SandboxPayLinks links,
            Clock clock) {
        return new SandboxProvider(new SandboxLedger(database, transactions), webhooks, properties, links, clock);
    }

    /** The cards' 3-D Secure, on the sandbox's page. */
    @Bean
    SandboxCardWallet sandboxCardWallet(SandboxProvider provider) {
        return new SandboxCardWallet(provider);
    }

    private static String webhookSecret(SandboxProperties properties) {
        if (properties.webhookSecret() != null && !properties.webhookSecret().isBlank()) {
            return properties.webhookSecret();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        log.info("No bookstore.payment.sandbox.webhook-secret is set: the sandbox signs its webhooks with a"
                + " secret generated for this process only");
        return "whsec_" + HexFormat.of().formatHex(random);
    }

    /** Resolved on each delivery: the port is known only once the web server has started. */
    private static URI webhookUrl(SandboxProperties properties, Environment environment) {
        if (properties.webhookUrl() != null) {
            return properties.webhookUrl();
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the web server is not up yet");
        }
        return URI.create("http://localhost:" + port + "/api/payments/webhooks/" + SandboxProvider.NAME);
    }
}
