package bookstore.payment.provider.alipay;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The sandbox plays Alipay whenever no Alipay app id is set. */
public class AlipayNotConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !new AlipayConfigured().matches(context, metadata);
    }
}
