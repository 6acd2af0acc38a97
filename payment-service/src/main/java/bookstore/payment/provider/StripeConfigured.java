package bookstore.payment.provider;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Stripe is the provider when both its API key and its webhook signing secret are set
 * ({@code STRIPE_API_KEY}, {@code STRIPE_WEBHOOK_SECRET}); one without the other would take
 * payments it could never hear back about, or hear about payments it cannot make.
 */
public class StripeConfigured implements Condition {

    static final String API_KEY = "bookstore.payment.stripe.api-key";
    static final String WEBHOOK_SECRET = "bookstore.payment.stripe.webhook-secret";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    /** Whether these settings make Stripe the card provider (otherwise the sandbox is). */
    public static boolean in(PropertyResolver environment) {
        return StringUtils.hasText(environment.getProperty(API_KEY))
                && StringUtils.hasText(environment.getProperty(WEBHOOK_SECRET));
    }
}
