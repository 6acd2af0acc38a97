package bookstore.payment.provider.sandbox;

import bookstore.payment.payments.domain.ProviderAnswer;
import java.time.Instant;

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

    static final String PROCESSING = "processing";
    static final String SUCCEEDED = "succeeded";
    static final String DECLINED = "requires_payment_method";
    static final String CANCELED = "canceled";

    ProviderAnswer answer() {
        return switch (status) {
            case PROCESSING -> new ProviderAnswer.Processing(id);
            case SUCCEEDED -> new ProviderAnswer.Succeeded(id);
            case DECLINED -> new ProviderAnswer.Declined(id, declineReason);
            case CANCELED -> new ProviderAnswer.Canceled(id);
            default -> throw new IllegalStateException("sandbox intent " + id + " has status " + status);
        };
    }
}
