package bookstore.payment.provider.sandbox;

import bookstore.payment.payments.domain.CustomerAction;
import bookstore.payment.payments.domain.ProviderAnswer;
import java.net.URI;
import java.time.Instant;
import java.util.function.Function;

/**
 * A charge as the sandbox keeps it, with Stripe's PaymentIntent statuses.
 *
 * @param declineReason why it was declined, when its status is {@code requires_payment_method}
 */
record SandboxIntent(
        String id,
        long amount,
        String currency,
        String paymentMethod,
        String status,
        String declineReason,
        String paymentId,
        String orderId,
        Instant createdAt) {

    static final String REQUIRES_ACTION = "requires_action";
    static final String PROCESSING = "processing";
    static final String SUCCEEDED = "succeeded";
    static final String DECLINED = "requires_payment_method";
    static final String CANCELED = "canceled";

    /**
     * What Stripe's answer says of this charge.
     *
     * @param authentication where the cardholder confirms a charge that waits for 3-D Secure
     */
    ProviderAnswer answer(Function<SandboxIntent, URI> authentication) {
        return switch (status) {
            case REQUIRES_ACTION ->
                new ProviderAnswer.ActionRequired(
                        id,
                        new CustomerAction(
                                CustomerAction.Kind.REDIRECT,
                                authentication.apply(this).toString(),
                                null));
            case PROCESSING -> new ProviderAnswer.Processing(id);
            case SUCCEEDED -> new ProviderAnswer.Succeeded(id);
            case DECLINED -> new ProviderAnswer.Declined(id, declineReason);
            case CANCELED -> new ProviderAnswer.Canceled(id);
            default -> throw new IllegalStateException("sandbox intent " + id + " has status " + status);
        };
    }
}
