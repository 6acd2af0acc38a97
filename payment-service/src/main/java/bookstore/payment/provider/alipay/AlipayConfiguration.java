package bookstore.payment.provider.alipay;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Alipay adapter and its notification route, for whichever {@link AlipayAccount} is declared:
 * the real application's when {@code ALIPAY_APP_ID} is set (here), else the sandbox's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlipayProperties.class)
class AlipayConfiguration {

    @Bean
    AlipayProvider alipayProvider(AlipayAccount account, Clock clock) {
        return new AlipayProvider(account, clock);
    }

    @Bean
    AlipayNotifications alipayNotifications(AlipayAccount account) {
        return new AlipayNotifications(account);
    }

    /** The real Alipay: its app id, keys and gateway from the environment. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(AlipayConfigured.class)
    static class RealAlipay {

        @Bean
        AlipayAccount alipayAccount(AlipayProperties properties) {
            String notifyUrl = properties.notifyUrl();
            return new AlipayAccount(
                    properties.appId(),
                    properties.privateKey(),
                    properties.alipayPublicKey(),
                    properties::gateway,
                    properties::gateway,
                    () -> notifyUrl == null || notifyUrl.isBlank() ? null : notifyUrl,
                    properties.returnUrl() == null || properties.returnUrl().isBlank() ? null : properties.returnUrl(),
                    properties.subjectPrefix(),
                    properties.timeout());
        }
    }
}
