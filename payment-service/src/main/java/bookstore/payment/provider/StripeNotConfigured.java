package bookstore.payment.provider;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The sandbox is the provider whenever Stripe is not fully configured. */
public class StripeNotConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !new StripeConfigured().matches(context, metadata);
    }
}
