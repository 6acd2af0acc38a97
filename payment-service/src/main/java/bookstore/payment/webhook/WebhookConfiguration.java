package bookstore.payment.webhook;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookSignature webhookSignature(Clock clock) {
        return new WebhookSignature(clock, WebhookSignature.DEFAULT_TOLERANCE);
    }
}
