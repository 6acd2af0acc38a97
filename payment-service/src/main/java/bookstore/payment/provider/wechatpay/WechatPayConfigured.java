package bookstore.payment.provider.wechatpay;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The real WeChat Pay is used when the merchant id is set ({@code WECHATPAY_MERCHANT_ID}); the rest of
 * its credentials must then be set too, or the service does not start.
 */
public class WechatPayConfigured implements Condition {

    static final String MERCHANT_ID = "bookstore.payment.wechatpay.merchant-id";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    /** Whether these settings make the real WeChat Pay take its method (otherwise the sandbox plays it). */
    public static boolean in(PropertyResolver environment) {
        return StringUtils.hasText(environment.getProperty(MERCHANT_ID));
    }

    /** The built-in sandbox plays WeChat Pay whenever no merchant id is set. */
    public static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new WechatPayConfigured().matches(context, metadata);
        }
    }
}
