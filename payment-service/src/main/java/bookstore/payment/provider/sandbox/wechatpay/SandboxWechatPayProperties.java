package bookstore.payment.provider.sandbox.wechatpay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's WeChat Pay, active unless a WeChat Pay merchant id is set.
 *
 * @param notifyAttempts deliveries of one notification before the sandbox gives up (WeChat Pay
 *     itself tries for about a day)
 * @param notifyBackOff the first pause between deliveries; it grows exponentially
 */
@ConfigurationProperties("bookstore.payment.sandbox.wechatpay")
record SandboxWechatPayProperties(
        @DefaultValue("8") int notifyAttempts,
        @DefaultValue("200ms") Duration notifyBackOff) {

    SandboxWechatPayProperties {
        if (notifyAttempts < 1) {
            throw new IllegalArgumentException("the sandbox must try to notify at least once");
        }
    }
}
