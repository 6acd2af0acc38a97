package bookstore.payment.provider.sandbox.alipay;

import bookstore.payment.provider.alipay.AlipayAccount;
import bookstore.payment.provider.alipay.AlipayNotConfigured;
import bookstore.payment.provider.alipay.AlipayProperties;
import bookstore.payment.provider.sandbox.SandboxPayLinks;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Without an Alipay app id the sandbox plays Alipay: it makes the app's and "Alipay's" key pairs at
 * start and points the real adapter at its own gateway, so the SDK's signing and verification and
 * the notification route's checks all run as they would against Alipay.
 *
 * <p>The adapter calls the gateway on this service's own port, as the sandbox's webhooks come back
 * to it; the cashier links a browser follows lead there through the shop's public address ({@link
 * SandboxPayLinks}), and so do the QR codes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AlipayNotConfigured.class)
class SandboxAlipayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxAlipayConfiguration.class);

    /** Deliveries of one notification before the sandbox gives up, and the first pause between them. */
    private static final int NOTIFY_ATTEMPTS = 8;

    private static final Duration NOTIFY_BACK_OFF = Duration.ofMillis(200);

    @Bean
    SandboxAlipayKeys sandboxAlipayKeys() {
        log.info("No Alipay app id is set: the sandbox plays Alipay with keys generated for this process only");
        return SandboxAlipayKeys.generate();
    }

    @Bean
    AlipayAccount alipayAccount(
            SandboxAlipayKeys keys, AlipayProperties properties, SandboxPayLinks links, Environment environment) {
        String notifyUrl = properties.notifyUrl();
        return new AlipayAccount(
                keys.appId(),
                keys.appPrivateKey(),
                keys.alipayPublicKey(),
                () -> ownAddress(environment) + SandboxAlipayGateway.PATH,
                () -> links.at(SandboxAlipayGateway.PATH).toString(),
                () -> notifyUrl != null && !notifyUrl.isBlank()
                        ? notifyUrl
                        : ownAddress(environment) + "/api/payments/webhooks/alipay",
                properties.returnUrl() == null || properties.returnUrl().isBlank() ? null : properties.returnUrl(),
                properties.subjectPrefix(),
                properties.timeout());
    }

    @Bean
    SandboxAlipaySigning sandboxAlipaySigning(SandboxAlipayKeys keys) {
        return new SandboxAlipaySigning(keys);
    }

    @Bean
    SandboxAlipayTrades sandboxAlipayTrades(DatabaseClient database, TransactionalOperator transactions) {
        return new SandboxAlipayTrades(database, transactions);
    }

    @Bean
    SandboxAlipay sandboxAlipay(
            SandboxAlipayTrades trades, SandboxAlipaySigning signing, SandboxPayLinks links, Clock clock) {
        return new SandboxAlipay(trades, signing, links, clock);
    }

    @Bean
    SandboxAlipayWallet sandboxAlipayWallet(SandboxAlipayTrades trades, SandboxAlipaySigning signing, Clock clock) {
        return new SandboxAlipayWallet(
                trades, new SandboxAlipayNotifier(signing, clock, NOTIFY_ATTEMPTS, NOTIFY_BACK_OFF), clock);
    }

    /** This service on its own port, known only once the web server is up. */
    private static String ownAddress(Environment environment) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the web server is not up yet");
        }
        return "http://localhost:" + port;
    }
}
