package bookstore.payment.provider;

import bookstore.payment.provider.alipay.AlipayConfigured;
import bookstore.payment.provider.wechatpay.WechatPayConfigured;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * Production's guard against taking orders without taking money: with {@code
 * bookstore.payment.require-real-provider=true} ({@code BOOKSTORE_PAYMENT_REQUIRE_REAL_PROVIDER}) the
 * service refuses to start while any payment method would go to a sandbox (cards without Stripe's key
 * and webhook secret, Alipay without an app id or on Alipay's own sandbox gateway, WeChat Pay without a
 * merchant id), unless {@code bookstore.payment.allow-sandbox=true} says that is intended (staging).
 *
 * <p>The check runs as a bean factory post-processor, before any bean is made: a refused pod has
 * migrated no database, joined no consumer group and answered no request.
 */
@Configuration(proxyBeanMethods = false)
public class RealProvidersRequired {

    static final String REQUIRE = "bookstore.payment.require-real-provider";
    static final String ALLOW_SANDBOX = "bookstore.payment.allow-sandbox";
    private static final String ALIPAY_GATEWAY = "bookstore.payment.alipay.gateway";

    @Bean
    static BeanFactoryPostProcessor realProvidersRequiredCheck(Environment environment) {
        return beanFactory -> check(environment);
    }

    /** Throws, naming each sandbox and the settings that replace it, when the guard is on and one would run. */
    static void check(PropertyResolver environment) {
        if (!environment.getProperty(REQUIRE, Boolean.class, false)
                || environment.getProperty(ALLOW_SANDBOX, Boolean.class, false)) {
            return;
        }
        List<String> sandboxes = sandboxesIn(environment);
        if (!sandboxes.isEmpty()) {
            throw new IllegalStateException(REQUIRE + " is true, but payments would go through a sandbox that takes"
                    + " no money: " + String.join("; ", sandboxes) + ". Configure the real provider (the Secret"
                    + " payment-service-keys, see k8s/README.md) or, for staging only, set " + ALLOW_SANDBOX
                    + "=true (BOOKSTORE_PAYMENT_ALLOW_SANDBOX).");
        }
    }

    /** The methods these settings would pay through a sandbox, each with what would make it real. */
    static List<String> sandboxesIn(PropertyResolver environment) {
        List<String> sandboxes = new ArrayList<>();
        if (!StripeConfigured.in(environment)) {
            sandboxes.add("cards use the built-in sandbox (STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET are not both set)");
        }
        if (!AlipayConfigured.in(environment)) {
            sandboxes.add("Alipay is played by the built-in sandbox (ALIPAY_APP_ID is not set)");
        } else if (isAlipaysOwnSandbox(environment.getProperty(ALIPAY_GATEWAY))) {
            sandboxes.add("Alipay goes to Alipay's own sandbox (ALIPAY_GATEWAY="
                    + environment.getProperty(ALIPAY_GATEWAY) + ")");
        }
        if (!WechatPayConfigured.in(environment)) {
            sandboxes.add("WeChat Pay is played by the built-in sandbox (WECHATPAY_MERCHANT_ID is not set)");
        }
        return sandboxes;
    }

    private static boolean isAlipaysOwnSandbox(String gateway) {
        if (gateway == null || gateway.isBlank()) {
            return false;
        }
        try {
            String host = URI.create(gateway.strip()).getHost();
            return host != null && (host.equals("alipaydev.com") || host.endsWith(".alipaydev.com"));
        } catch (IllegalArgumentException notAnAddress) {
            // Not a gateway anyone can reach: AlipayConfiguration refuses it on its own terms.
            return false;
        }
    }
}
