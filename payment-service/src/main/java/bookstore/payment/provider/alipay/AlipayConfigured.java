package bookstore.payment.provider.alipay;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Alipay is the real one when its app id is set ({@code ALIPAY_APP_ID}); its keys must then be set
 * too, which {@link AlipayConfiguration} checks at start rather than falling back to the sandbox.
 */
public class AlipayConfigured implements Condition {

    static final String APP_ID = "bookstore.payment.alipay.app-id";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    /** Whether these settings make the real Alipay take its methods (otherwise the sandbox plays it). */
    public static boolean in(PropertyResolver environment) {
        return StringUtils.hasText(environment.getProperty(APP_ID));
    }
}
